using InfrastructureSetup = CustomerService.Infrastructure.DependencyInjection;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Infrastructure.Persistence.SaveSteps;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerService.Tests.Support;

/// <summary>
/// A migrated database of its own, for tests of the persistence layer without HTTP: a new SQLite file,
/// or a new database on the configured server, dropped on Dispose. Skips the test when that server is not configured.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(DatabaseKind kind)
    {
        Kind = kind;
        ConnectionString = CustomerApiFactory.FreshDatabase(kind);
    }

    public DatabaseKind Kind { get; }

    public string ConnectionString { get; }

    public static TestDatabase Create(DatabaseKind kind)
    {
        DatabaseFixture.SkipUnlessAvailable(kind);
        var database = new TestDatabase(kind);
        using var db = database.CreateContextWith();
        db.Database.Migrate();
        return database;
    }

    /// <summary>A context configured as the service configures its own: the same save steps (versions, events).</summary>
    public CustomerDbContext CreateContext() => Build(Kind, ConnectionString, saveSteps: true, executionStrategy: null, []);

    /// <summary>As <see cref="CreateContext()"/>, with this execution strategy instead of the provider's.</summary>
    public CustomerDbContext CreateContext(Func<ExecutionStrategyDependencies, IExecutionStrategy> executionStrategy) =>
        Build(Kind, ConnectionString, saveSteps: true, executionStrategy, []);

    /// <summary>A context with only these interceptors: none of the save steps.</summary>
    public CustomerDbContext CreateContextWith(params IInterceptor[] interceptors) => Build(Kind, ConnectionString, saveSteps: false, executionStrategy: null, interceptors);

    public void Dispose() => Drop(Kind, ConnectionString);

    /// <summary>
    /// Deletes a SQLite database's files, or drops a server database if it exists; the pools are cleared
    /// first, so no idle connection outlives it.
    /// </summary>
    public static void Drop(DatabaseKind kind, string connectionString)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            DeleteSqliteFiles(new SqliteConnectionStringBuilder(connectionString).DataSource);
            return;
        }

        using var db = Build(kind, connectionString, saveSteps: false, executionStrategy: null, []);
        db.Database.EnsureDeleted();
    }

    /// <summary>A SQLite database file with its write-ahead log and shared-memory index.</summary>
    public static void DeleteSqliteFiles(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static CustomerDbContext Build(
        DatabaseKind kind, string connectionString, bool saveSteps, Func<ExecutionStrategyDependencies, IExecutionStrategy>? executionStrategy, IInterceptor[] interceptors)
    {
        void Configure(DbContextOptionsBuilder options)
        {
            options.AddInterceptors(interceptors);
            if (saveSteps)
            {
                options.AddCustomerSaveSteps();
            }
        }

        switch (kind)
        {
            case DatabaseKind.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteCustomerDbContext>().UseSqlite(connectionString, o =>
                {
                    if (executionStrategy is not null)
                    {
                        o.ExecutionStrategy(executionStrategy);
                    }
                });
                Configure(sqlite);
                return new SqliteCustomerDbContext(sqlite.Options);
            case DatabaseKind.SqlServer:
                var sqlServer = new DbContextOptionsBuilder<SqlServerCustomerDbContext>().UseSqlServer(connectionString, o =>
                {
                    o.EnableRetryOnFailure(InfrastructureSetup.ServerRetries, InfrastructureSetup.ServerRetryDelayCap, null);
                    if (executionStrategy is not null)
                    {
                        o.ExecutionStrategy(executionStrategy);
                    }
                });
                Configure(sqlServer);
                return new SqlServerCustomerDbContext(sqlServer.Options);
            case DatabaseKind.PostgreSql:
                var postgres = new DbContextOptionsBuilder<PostgreSqlCustomerDbContext>().UseNpgsql(connectionString, o =>
                {
                    o.EnableRetryOnFailure(InfrastructureSetup.ServerRetries, InfrastructureSetup.ServerRetryDelayCap, null);
                    if (executionStrategy is not null)
                    {
                        o.ExecutionStrategy(executionStrategy);
                    }
                });
                Configure(postgres);
                return new PostgreSqlCustomerDbContext(postgres.Options);
            default:
                throw new InvalidOperationException($"Unknown database kind {kind}.");
        }
    }
}
