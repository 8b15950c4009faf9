using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Api;

// SQLite-only: PRAGMAs, the busy timeout and file locks exist on SQLite alone.
/// <summary>
/// SQLite as the service opens it: WAL, synchronous=FULL unless the operator opts into NORMAL, and a
/// bounded wait for locks that ends in 503 rather than a hung request.
/// </summary>
public sealed class SqliteConnectionSettingsTests
{
    [TestCase(null, 2L, 5000L, TestName = "Every native connection runs WAL with synchronous=FULL and a 5 s busy timeout by default")]
    [TestCase("Normal", 1L, 2000L, TestName = "Database:SqliteSynchronous=Normal gives synchronous=NORMAL")]
    public async Task EveryConnectionTheServiceOpensHasTheConfiguredSettings(string? synchronousSetting, long expectedSynchronous, long expectedBusyTimeout)
    {
        var settings = synchronousSetting is null
            ? null
            : new Dictionary<string, string>
            {
                ["Database:SqliteSynchronous"] = synchronousSetting,
                ["Database:SqliteBusyTimeoutSeconds"] = "2",
            };
        using var factory = new CustomerApiFactory(DatabaseKind.Sqlite, extraSettings: settings);

        var first = await factory.WithDatabaseAsync(ReadSettingsAsync);

        // Change the settings on the pooled native connection behind the service's back. They are set
        // once per native connection (a logical open costs nothing extra), so the next open keeps them
        // as they are; a new native connection gets them again.
        await factory.WithDatabaseAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA busy_timeout=0;");
            await db.Database.CloseConnectionAsync();
            return 0;
        });
        var reopened = await factory.WithDatabaseAsync(ReadSettingsAsync);
        SqliteConnection.ClearAllPools();
        var fresh = await factory.WithDatabaseAsync(ReadSettingsAsync);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(("wal", expectedSynchronous, expectedBusyTimeout)));
            Assert.That(reopened, Is.EqualTo(("wal", 0L, 0L)), "a reused native connection is not set up again");
            Assert.That(fresh, Is.EqualTo(("wal", expectedSynchronous, expectedBusyTimeout)), "a new native connection is set up");
        }
    }

    [Test]
    public async Task ADatabaseLockedBeyondTheBusyTimeoutGives503AndTheServiceRecoversOnItsOwn()
    {
        using var factory = new CustomerApiFactory(DatabaseKind.Sqlite, extraSettings: new Dictionary<string, string> { ["Database:SqliteBusyTimeoutSeconds"] = "1" });
        using var client = factory.CreateApiClient();
        var id = await client.CreateCustomerAsync();
        var before = await client.PostRawAsync("customer.info", $$"""{"id":"{{id}}"}""");

        ApiResponse locked;
        var elapsed = Stopwatch.StartNew();
        await using (var holder = new SqliteConnection($"{factory.ConnectionString};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();

            elapsed.Restart();
            locked = await client.PostRawAsync("customer.update", $$"""{"id":"{{id}}","firstName":"Locked","tags":["changed"]}""");
            elapsed.Stop();
        }

        var afterRelease = await client.PostRawAsync("customer.info", $$"""{"id":"{{id}}"}""");
        var update = await client.PostRawAsync("customer.update", $$"""{"id":"{{id}}","firstName":"Unlocked"}""");

        Assert.That(locked.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), locked.Text);
        Assert.That(JsonNode.DeepEquals(locked.Body, JsonNode.Parse("""{"ok":false,"error":"service_unavailable"}""")), Is.True, locked.Text);
        Assert.That(elapsed.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)).And.LessThan(TimeSpan.FromSeconds(6)), "it waits for the 1 s busy timeout (not the 30 s default), then gives up");
        Assert.That(JsonNode.DeepEquals(afterRelease.Customer, before.Customer), Is.True, "nothing of the refused update was written");
        Assert.That(update.Status, Is.EqualTo(HttpStatusCode.OK), update.Text);
        Assert.That(update.Customer["firstName"]!.GetValue<string>(), Is.EqualTo("Unlocked"));
    }

    private static async Task<(string JournalMode, long Synchronous, long BusyTimeout)> ReadSettingsAsync(Microsoft.EntityFrameworkCore.DbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var journal = connection.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode;";
            var journalMode = (string)(await journal.ExecuteScalarAsync())!;
            await using var synchronous = connection.CreateCommand();
            synchronous.CommandText = "PRAGMA synchronous;";
            var synchronousMode = (long)(await synchronous.ExecuteScalarAsync())!;
            await using var busy = connection.CreateCommand();
            busy.CommandText = "PRAGMA busy_timeout;";
            return (journalMode, synchronousMode, (long)(await busy.ExecuteScalarAsync())!);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
