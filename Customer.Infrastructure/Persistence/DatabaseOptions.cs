using System.ComponentModel.DataAnnotations;

namespace CustomerService.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>SQLite's <c>synchronous</c> setting, as far as this service offers it.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Every commit is on disk before it is acknowledged: survives power loss.</summary>
    Full,

    /// <summary>In WAL mode, survives a process crash but may lose the last commits on power loss.</summary>
    Normal,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Customers";
    public const string DefaultSqliteConnectionString = "Data Source=customers.db";
    public const int DefaultSqliteBusyTimeoutSeconds = 5;

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up. Always on for SQLite; server-database deployments may apply the idempotent script instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How long a SQLite command waits for a lock another connection holds before it fails as unavailable.</summary>
    public int SqliteBusyTimeoutSeconds { get; set; } = DefaultSqliteBusyTimeoutSeconds;

    /// <summary>Applied to every SQLite connection when it opens (the setting is per connection).</summary>
    public SqliteSynchronousMode SqliteSynchronous { get; set; } = SqliteSynchronousMode.Full;

    [Required]
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;
}
