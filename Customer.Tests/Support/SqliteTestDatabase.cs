using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Support;

/// <summary>A migrated SQLite file of its own, for tests of the persistence layer without HTTP.</summary>
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

    public SqliteCustomerDbContext CreateContext(string? connectionString = null) =>
        new(new DbContextOptionsBuilder<SqliteCustomerDbContext>().UseSqlite(connectionString ?? ConnectionString).Options);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
