using Npgsql;

namespace CustomerService.Tests.Support;

/// <summary>Drops the databases that tests created on the PostgreSQL server.</summary>
public static class PostgreSqlDatabases
{
    /// <summary>Drops the database the connection string names, closing whatever connections are still open to it.</summary>
    public static void Drop(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        NpgsqlConnection.ClearAllPools();

        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP DATABASE IF EXISTS " + QuoteIdentifier(name) + " WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
