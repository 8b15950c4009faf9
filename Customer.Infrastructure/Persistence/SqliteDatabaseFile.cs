using Microsoft.Data.Sqlite;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// Checks, before EF Core touches it, that the configured SQLite file can be used: its directory exists
/// and, when the file exists, SQLite can read it as a database. A problem is one line naming the setting
/// and the path, instead of EF Core's connection error and a stack trace.
/// </summary>
internal static class SqliteDatabaseFile
{
    private const string Setting = $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}";

    public static void EnsureUsable(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return;
        }

        var path = Path.GetFullPath(builder.DataSource);
        var directory = Path.GetDirectoryName(path);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new InvalidOperationException($"{Setting} names the SQLite file '{path}', but the directory '{directory}' does not exist.");
        }

        if (Directory.Exists(path))
        {
            throw new InvalidOperationException($"{Setting} names the SQLite file '{path}', but that is a directory.");
        }

        if (!File.Exists(path))
        {
            return; // SQLite creates it, and the migrations fill it.
        }

        try
        {
            builder.Pooling = false;
            using var connection = new SqliteConnection(builder.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA schema_version;";
            command.ExecuteScalar();
        }
        catch (SqliteException ex)
        {
            throw new InvalidOperationException($"{Setting} names the SQLite file '{path}', which cannot be read as a database: {ex.Message}", ex);
        }
    }
}
