using System.Collections.Concurrent;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace CustomerService.Tests.Support;

/// <summary>Every server database this run has named, so that none outlives it (see <see cref="ServerDatabaseCleanup"/>).</summary>
public static class ServerDatabases
{
    private static readonly ConcurrentQueue<(DatabaseKind Kind, string ConnectionString)> NamedDatabases = new();

    public static void Named(DatabaseKind kind, string connectionString) => NamedDatabases.Enqueue((kind, connectionString));

    /// <summary>Drops those still there: a factory never disposed, a setup that failed half way. Returns their names.</summary>
    public static IReadOnlyList<string> DropLeftovers()
    {
        var named = NamedDatabases.ToArray();
        var postgres = named.Where(d => d.Kind == DatabaseKind.PostgreSql).ToList();
        var leftovers = named.Where(d => d.Kind == DatabaseKind.SqlServer).ToList();
        if (postgres.Count > 0 && CustomerApiFactory.PostgreSqlConnectionString is { } admin)
        {
            // One query for all of them, rather than a failed connection to each dropped one.
            var existing = ExistingPostgreSqlDatabases(admin, [.. postgres.Select(d => new NpgsqlConnectionStringBuilder(d.ConnectionString).Database!)]);
            leftovers.AddRange(postgres.Where(d => existing.Contains(new NpgsqlConnectionStringBuilder(d.ConnectionString).Database!)));
        }

        var dropped = new List<string>();
        foreach (var (kind, connectionString) in leftovers)
        {
            TestDatabase.Drop(kind, connectionString);
            dropped.Add(kind == DatabaseKind.PostgreSql
                ? new NpgsqlConnectionStringBuilder(connectionString).Database!
                : new SqlConnectionStringBuilder(connectionString).InitialCatalog);
        }

        return dropped;
    }

    private static HashSet<string> ExistingPostgreSqlDatabases(string adminConnectionString, string[] names)
    {
        using var connection = new NpgsqlConnection(adminConnectionString);
        connection.Open();
        using var query = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname = ANY(@names)", connection);
        query.Parameters.AddWithValue("names", names);
        using var reader = query.ExecuteReader();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            existing.Add(reader.GetString(0));
        }

        return existing;
    }
}
