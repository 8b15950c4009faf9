using System.ComponentModel.DataAnnotations;

namespace CustomerService.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Customers";
    public const string DefaultSqliteConnectionString = "Data Source=customers.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up. Always on for SQLite; SQL Server deployments may run the idempotent script instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    [Required]
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;
}
