using CustomerService.Infrastructure.Persistence;
using CustomerService.Infrastructure.Persistence.SaveSteps;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Support;

/// <summary>A migrated SQLite file of its own, for SQLite-specific persistence tests; provider-neutral ones use <see cref="TestDatabase"/>.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    public SqliteTestDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"customer-persistence-{Guid.NewGuid():N}.db");
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    /// <summary>A context configured as the service configures its own: the same save steps (versions, events).</summary>
    public SqliteCustomerDbContext CreateContext(string? connectionString = null)
    {
        var options = new DbContextOptionsBuilder<SqliteCustomerDbContext>().UseSqlite(connectionString ?? ConnectionString);
        options.AddCustomerSaveSteps();
        return new(options.Options);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabase.DeleteSqliteFiles(Path);
    }
}
