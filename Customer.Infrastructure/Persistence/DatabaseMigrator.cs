using CustomerService.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Infrastructure.Persistence;

public static class DatabaseMigrator
{
    /// <summary>Brings the schema up to date when configuration asks for it (always for SQLite, by default for the server databases).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        if (options.Provider != DatabaseProvider.Sqlite && !options.MigrateOnStartup)
        {
            return;
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            SqliteDatabaseFile.EnsureUsable(options.ConnectionString);
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (options.Provider != DatabaseProvider.Sqlite
            && new PersistenceFailureClassifier().Classify(ex)?.Kind == PersistenceFailureKind.Unavailable)
        {
            // An operator's mistake or an outage (address, credentials, a server not up yet): one line at
            // start-up. A migration that fails for any other reason is a bug and keeps its stack trace.
            var cause = ex is RetryLimitExceededException { InnerException: { } inner } ? inner : ex;
            throw new InvalidOperationException(
                $"the {options.Provider} database that ConnectionStrings:{DatabaseOptions.ConnectionStringName} names could not be reached to migrate it: {cause.Message}",
                ex);
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers work while one writer commits; the mode is stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
