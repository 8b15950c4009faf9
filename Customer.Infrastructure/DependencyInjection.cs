using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Security;
using CustomerService.Application.Customers;
using CustomerService.Infrastructure.Messaging;
using CustomerService.Infrastructure.Messaging.Outbox;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Infrastructure.Persistence.SavedCopies;
using CustomerService.Infrastructure.Persistence.SaveSteps;
using CustomerService.Infrastructure.Persistence.SignInThrottling;
using CustomerService.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Health checks with this tag decide readiness (can the service do its work).</summary>
    public const string ReadinessTag = "ready";

    // A server database that restarts or fails over is waited for a few seconds (four retries, at most a
    // second apart), then the request is answered 503: a client is never kept waiting for half a minute.
    internal const int ServerRetries = 4;
    internal static readonly TimeSpan ServerRetryDelayCap = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The database, the outbox and the change feed. EF Core interceptors registered as services
    /// (<see cref="IInterceptor"/>) join the service's own on every context, after them.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var database = ReadDatabaseOptions(configuration);
        services.AddSingleton(database);

        services.AddMessaging(configuration, database.Provider);
        services.AddSingleton<SavedCustomerCopies>();
        services.AddSingleton<SavedCopiesUpkeepInterceptor>();
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                var pragmas = new SqliteConnectionPragmas(database.SqliteSynchronous, database.SqliteBusyTimeoutSeconds);
                services.AddDbContextPool<CustomerDbContext, SqliteCustomerDbContext>((container, options) => options
                    .UseSqlite(database.ConnectionString)
                    .AddInterceptors(pragmas)
                    .LogFailedCommandsAtDebug()
                    .AddCustomerSaveSteps(container.GetRequiredService<OutboxWritingInterceptor>(), container.GetRequiredService<SavedCopiesUpkeepInterceptor>())
                    .AddInterceptors(container.GetServices<IInterceptor>()));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<CustomerDbContext, SqlServerCustomerDbContext>((container, options) => options
                    .UseSqlServer(database.ConnectionString, sql => sql.EnableRetryOnFailure(ServerRetries, ServerRetryDelayCap, null))
                    .LogFailedCommandsAtDebug()
                    .AddCustomerSaveSteps(container.GetRequiredService<OutboxWritingInterceptor>(), container.GetRequiredService<SavedCopiesUpkeepInterceptor>())
                    .AddInterceptors(container.GetServices<IInterceptor>()));
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextPool<CustomerDbContext, PostgreSqlCustomerDbContext>((container, options) => options
                    .UseNpgsql(database.ConnectionString, npgsql => npgsql.EnableRetryOnFailure(ServerRetries, ServerRetryDelayCap, null))
                    .LogFailedCommandsAtDebug()
                    .AddCustomerSaveSteps(container.GetRequiredService<OutboxWritingInterceptor>(), container.GetRequiredService<SavedCopiesUpkeepInterceptor>())
                    .AddInterceptors(container.GetServices<IInterceptor>()));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{database.Provider}' is not supported; use Sqlite, SqlServer or PostgreSql.");
        }

        // Ready means the schema answers a query, not merely that a connection opens: SQLite would
        // happily create an empty file where the database has gone.
        services.AddHealthChecks().AddDbContextCheck<CustomerDbContext>(
            "database",
            tags: [ReadinessTag],
            customTestQuery: async (db, cancellationToken) =>
            {
                await db.Customers.AnyAsync(cancellationToken);
                return true;
            });

        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<CustomerDbContext>());
        services.AddScoped<ICustomerRepository, CustomerRepository>();
        services.AddSingleton<IPersistenceFailureClassifier, PersistenceFailureClassifier>();
        services.AddScoped<IPasswordResetTokenRepository, PasswordResetTokenRepository>();
        services.AddScoped<ISignInThrottle, DatabaseSignInThrottle>();
        AddSecurity(services, configuration);
        Messaging.RabbitMq.RabbitMqRelayRegistration.AddRabbitMqRelay(services, configuration);
        return services;
    }

    // The settings are read once, here, and refused at start when they make no sense.
    private static void AddSecurity(IServiceCollection services, IConfiguration configuration)
    {
        var hashing = configuration.GetSection(PasswordHashingOptions.SectionName).Get<PasswordHashingOptions>() ?? new PasswordHashingOptions();
        Require(hashing.MaxConcurrency >= 1, $"{PasswordHashingOptions.SectionName}:MaxConcurrency is {hashing.MaxConcurrency}: it must be at least 1.");
        Require(hashing.MaxWait >= TimeSpan.Zero, $"{PasswordHashingOptions.SectionName}:MaxWait is {hashing.MaxWait}: it must not be negative.");
        Require(hashing.MaxQueueLength >= 0, $"{PasswordHashingOptions.SectionName}:MaxQueueLength is {hashing.MaxQueueLength}: it must not be negative.");
        services.AddSingleton(hashing);
        services.AddSingleton<IdentityPasswordHasher>();
        services.AddSingleton<IPasswordHasher>(container => new BoundedPasswordHasher(
            container.GetRequiredService<IdentityPasswordHasher>(), hashing));

        var throttle = configuration.GetSection(SignInThrottleOptions.SectionName).Get<SignInThrottleOptions>() ?? new SignInThrottleOptions();
        Require(throttle.MaxEntries >= 1, $"{SignInThrottleOptions.SectionName}:MaxEntries is {throttle.MaxEntries}: it must be at least 1.");
        services.AddSingleton(throttle);

        var reset = configuration.GetSection(PasswordResetOptions.SectionName).Get<PasswordResetOptions>() ?? new PasswordResetOptions();
        Require(reset.TokenLifetime > TimeSpan.Zero, $"{PasswordResetOptions.SectionName}:TokenLifetime is {reset.TokenLifetime}: it must be positive.");
        services.AddSingleton(reset);
    }

    private static void Require(bool condition, string refusal)
    {
        if (!condition)
        {
            throw new InvalidOperationException(refusal);
        }
    }

    private static DatabaseOptions ReadDatabaseOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        var providerName = section["Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerName) && (!Enum.TryParse(providerName, ignoreCase: true, out provider) || !Enum.IsDefined(provider)))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{providerName}': it must be Sqlite, SqlServer or PostgreSql.");
        }

        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DatabaseOptions.DefaultSqliteConnectionString
                : throw new InvalidOperationException(
                    $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is required when Database:Provider is {provider}.");
        }

        var busyTimeoutSeconds = section.GetValue(nameof(DatabaseOptions.SqliteBusyTimeoutSeconds), DatabaseOptions.DefaultSqliteBusyTimeoutSeconds);
        if (busyTimeoutSeconds < 1)
        {
            throw new InvalidOperationException(
                $"Database:SqliteBusyTimeoutSeconds is {busyTimeoutSeconds}: it must be at least 1.");
        }

        var synchronousName = section[nameof(DatabaseOptions.SqliteSynchronous)];
        var synchronous = SqliteSynchronousMode.Full;
        if (!string.IsNullOrWhiteSpace(synchronousName)
            && (!Enum.TryParse(synchronousName, ignoreCase: true, out synchronous) || !Enum.IsDefined(synchronous)))
        {
            throw new InvalidOperationException(
                $"Database:SqliteSynchronous is '{synchronousName}': it must be Full or Normal.");
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            // Microsoft.Data.Sqlite retries a busy database until the command timeout runs out; the
            // connection's default timeout is the busy timeout of every command EF Core issues on it.
            connectionString = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = busyTimeoutSeconds }.ConnectionString;
        }

        return new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = connectionString,
            MigrateOnStartup = section.GetValue(nameof(DatabaseOptions.MigrateOnStartup), true),
            SqliteBusyTimeoutSeconds = busyTimeoutSeconds,
            SqliteSynchronous = synchronous,
        };
    }
}
