using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Api;

/// <summary>
/// SQLite as the service opens it: WAL, synchronous=FULL unless the operator opts into NORMAL, and a
/// bounded wait for locks that ends in 503 rather than a hung request.
/// </summary>
public sealed class SqliteConnectionSettingsTests
{
    [TestCase(null, 2L, 5000L, TestName = "Every connection runs WAL with synchronous=FULL and a 5 s busy timeout by default")]
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
        using var factory = new CustomerApiFactory(extraSettings: settings);

        var first = await factory.WithDatabaseAsync(ReadSettingsAsync);

        // Spoil the setting on the pooled connection: the next open must put it back, because
        // synchronous belongs to the connection and pooled connections are reused.
        await factory.WithDatabaseAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA busy_timeout=0;");
            await db.Database.CloseConnectionAsync();
            return 0;
        });
        var reopened = await factory.WithDatabaseAsync(ReadSettingsAsync);

        Assert.That(first, Is.EqualTo(("wal", expectedSynchronous, expectedBusyTimeout)));
        Assert.That(reopened, Is.EqualTo(("wal", expectedSynchronous, expectedBusyTimeout)), "the settings are applied on every open, not once");
    }

    [Test]
    public async Task ADatabaseLockedBeyondTheBusyTimeoutGives503AndTheServiceRecoversOnItsOwn()
    {
        using var factory = new CustomerApiFactory(extraSettings: new Dictionary<string, string> { ["Database:SqliteBusyTimeoutSeconds"] = "1" });
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
