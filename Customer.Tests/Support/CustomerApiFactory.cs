using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using CustomerService.Infrastructure.Persistence;

namespace CustomerService.Tests.Support;

/// <summary>
/// The real service in a test server: real pipeline, real database (a fresh SQLite file, or a fresh
/// database on the SQL Server or PostgreSQL server that <c>CUSTOMER_TEST_SQLSERVER</c> or
/// <c>CUSTOMER_TEST_POSTGRES</c> names), real signed bearer tokens.
/// </summary>
public sealed class CustomerApiFactory : WebApplicationFactory<Program>
{
    public const string SqlServerVariable = "CUSTOMER_TEST_SQLSERVER";
    public const string PostgreSqlVariable = "CUSTOMER_TEST_POSTGRES";

    private readonly Dictionary<string, string> _settings;

    public CustomerApiFactory(DatabaseKind database = DatabaseKind.Sqlite, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        Database = database;
        ConnectionString = FreshDatabase(database);

        _settings = new Dictionary<string, string>(Tokens.Settings)
        {
            ["Database:Provider"] = database.ToString(),
            ["ConnectionStrings:Customers"] = ConnectionString,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }
    }

    public DatabaseKind Database { get; }

    public string ConnectionString { get; }

    public TestTokens Tokens { get; } = new();

    /// <summary>The SQL Server connection string, or null with the reason to skip.</summary>
    public static string? SqlServerConnectionString => Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The PostgreSQL connection string (a role allowed to create databases), or null with the reason to skip.</summary>
    public static string? PostgreSqlConnectionString => Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 } value ? value : null;

    /// <summary>A connection string to a database of its own: a new SQLite file, or a new database name on the configured server.</summary>
    public static string FreshDatabase(DatabaseKind database)
    {
        var connectionString = NewConnectionString(database);
        if (database != DatabaseKind.Sqlite)
        {
            ServerDatabases.Named(database, connectionString);
        }

        return connectionString;
    }

    private static string NewConnectionString(DatabaseKind database) => database switch
    {
        DatabaseKind.Sqlite => $"Data Source={Path.Combine(Path.GetTempPath(), $"customer-tests-{Guid.NewGuid():N}.db")}",
        DatabaseKind.SqlServer => new SqlConnectionStringBuilder(SqlServerConnectionString
            ?? throw new InvalidOperationException($"{SqlServerVariable} is not set.")) { InitialCatalog = $"customer_tests_{Guid.NewGuid():N}" }.ConnectionString,
        DatabaseKind.PostgreSql => new NpgsqlConnectionStringBuilder(PostgreSqlConnectionString
            ?? throw new InvalidOperationException($"{PostgreSqlVariable} is not set.")) { Database = $"customer_tests_{Guid.NewGuid():N}" }.ConnectionString,
        _ => throw new ArgumentOutOfRangeException(nameof(database), database, null),
    };

    /// <summary>A client that sends a valid bearer token on every request.</summary>
    public ApiClient CreateApiClient() => new(CreateClient(), Tokens.Valid());

    /// <summary>Runs a piece of code against the service's own database context, in a scope of its own.</summary>
    public async Task<T> WithDatabaseAsync<T>(Func<CustomerDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CustomerDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Database != DatabaseKind.Sqlite)
        {
            try
            {
                WithDatabaseAsync(async db => await db.Database.EnsureDeletedAsync()).GetAwaiter().GetResult();
            }
            catch (InvalidOperationException)
            {
                // The server never started; there is nothing to drop.
            }
        }

        base.Dispose(disposing);
        if (disposing && Database == DatabaseKind.Sqlite)
        {
            TestDatabase.Drop(Database, ConnectionString);
        }
    }
}
