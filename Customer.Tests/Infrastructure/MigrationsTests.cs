using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CustomerService.Tests.Infrastructure;

/// <summary>Each provider's migrations must describe exactly the current model.</summary>
public sealed class MigrationsTests
{
    [Test]
    public void SqliteModelHasNoChangesWithoutAMigration()
    {
        using var db = new SqliteCustomerDbContext(new DbContextOptionsBuilder<SqliteCustomerDbContext>()
            .UseSqlite("Data Source=:memory:").Options);

        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            "The model changed without a SQLite migration: run dotnet ef migrations add (see README).");
    }

    [Test]
    public void SqlServerModelHasNoChangesWithoutAMigration()
    {
        // Building the model needs no server; the connection is never opened.
        using var db = new SqlServerCustomerDbContext(new DbContextOptionsBuilder<SqlServerCustomerDbContext>()
            .UseSqlServer("Server=unused;Database=unused").Options);

        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            "The model changed without a SQL Server migration: run dotnet ef migrations add (see README).");
    }

    [Test]
    public void PostgreSqlModelHasNoChangesWithoutAMigration()
    {
        // Building the model needs no server; the connection is never opened.
        using var db = PostgreSql();

        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            "The model changed without a PostgreSQL migration: run dotnet ef migrations add (see README).");
    }

    [Test]
    public void EachProviderHasItsOwnMigrations()
    {
        using var sqlite = new SqliteCustomerDbContext(new DbContextOptionsBuilder<SqliteCustomerDbContext>()
            .UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = new SqlServerCustomerDbContext(new DbContextOptionsBuilder<SqlServerCustomerDbContext>()
            .UseSqlServer("Server=unused;Database=unused").Options);

        using var postgreSql = PostgreSql();

        Assert.That(sqlite.Database.GetMigrations(), Is.Not.Empty);
        Assert.That(sqlServer.Database.GetMigrations(), Is.Not.Empty);
        Assert.That(postgreSql.Database.GetMigrations(), Is.Not.Empty);
        Assert.That(
            sqlite.GetService<IMigrationsAssembly>().Migrations.Values.Select(t => t.Namespace),
            Has.All.EndsWith(".Sqlite"));
        Assert.That(
            sqlServer.GetService<IMigrationsAssembly>().Migrations.Values.Select(t => t.Namespace),
            Has.All.EndsWith(".SqlServer"));
        Assert.That(
            postgreSql.GetService<IMigrationsAssembly>().Migrations.Values.Select(t => t.Namespace),
            Has.All.EndsWith(".PostgreSql"));
    }

    [Test]
    public void SqlServerIdempotentScriptGuardsEveryMigration()
    {
        using var sqlServer = new SqlServerCustomerDbContext(new DbContextOptionsBuilder<SqlServerCustomerDbContext>()
            .UseSqlServer("Server=unused;Database=unused").Options);

        var script = sqlServer.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.That(script, Does.Contain("CREATE UNIQUE INDEX [IX_Customers_NormalizedEmail]"));
        foreach (var migration in sqlServer.Database.GetMigrations())
        {
            Assert.That(script, Does.Contain($"WHERE [MigrationId] = N'{migration}'"));
        }
    }

    [Test]
    public void SqlServerAllowsTheSnapshotIsolationThatCustomerListReadsIn()
    {
        using var sqlServer = new SqlServerCustomerDbContext(new DbContextOptionsBuilder<SqlServerCustomerDbContext>()
            .UseSqlServer("Server=unused;Database=unused").Options);

        var script = sqlServer.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.That(script, Does.Contain("ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON"));
    }

    private static PostgreSqlCustomerDbContext PostgreSql() =>
        new(new DbContextOptionsBuilder<PostgreSqlCustomerDbContext>().UseNpgsql("Host=unused;Database=unused").Options);
}
