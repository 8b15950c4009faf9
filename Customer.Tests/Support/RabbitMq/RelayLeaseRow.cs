using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CustomerService.Tests.Support.RabbitMq;

/// <summary>The relay lease as the database holds it: the <c>outbox-relay</c> row of <c>MessagingLeases</c>.</summary>
public static class RelayLeaseRow
{
    public const string Name = "outbox-relay";

    /// <summary>Its holder and expiry now (holder null when none holds it).</summary>
    public static async Task<(string? Holder, DateTime ExpiresAt)> ReadAsync(DatabaseKind kind, string connectionString)
    {
        await using var connection = Open(kind, connectionString);
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();

        // Quoted names read the same on all three providers.
        query.CommandText = $"""SELECT "Holder", "ExpiresAt" FROM "MessagingLeases" WHERE "Name" = '{Name}'""";
        await using var reader = await query.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new AssertionException($"MessagingLeases has no {Name} row.");
        }

        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetDateTime(1));
    }

    /// <summary>Waits until an unexpired lease is held (by someone but <paramref name="other"/>), and returns its holder; fails after the timeout.</summary>
    public static async Task<string> WaitForHolderAsync(DatabaseKind kind, string connectionString, TimeSpan timeout, string? other = null, TimeSpan? poll = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var (holder, expiresAt) = await ReadAsync(kind, connectionString);
            if (holder is not null && holder != other && DateTime.SpecifyKind(expiresAt, DateTimeKind.Utc) > DateTime.UtcNow)
            {
                return holder;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new AssertionException($"No instance held the relay lease within {timeout.TotalSeconds} s (holder {holder ?? "none"}, expires {expiresAt:O}).");
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(100));
        }
    }

    private static DbConnection Open(DatabaseKind kind, string connectionString) => kind switch
    {
        // Pooling off: a pooled SQLite connection would keep the file open after the test deletes it.
        DatabaseKind.Sqlite => new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString),
        DatabaseKind.PostgreSql => new NpgsqlConnection(connectionString),
        DatabaseKind.SqlServer => new SqlConnection(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
