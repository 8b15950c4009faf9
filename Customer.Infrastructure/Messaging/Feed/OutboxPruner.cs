using CustomerService.Infrastructure.Messaging.Outbox;
using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerService.Infrastructure.Messaging.Feed;

/// <summary>
/// Deletes the events older than <c>Messaging:Feed:RetentionDays</c>, in small batches, on every instance
/// (a delete that another instance already made deletes nothing). An event the relay has yet to publish
/// is kept until it is, unless this instance has no broker configured.
/// </summary>
internal sealed partial class OutboxPruner(
    IServiceScopeFactory scopes,
    MessagingOptions options,
    TimeProvider clock,
    ILogger<OutboxPruner> logger) : BackgroundService
{
    private const int BatchSize = 500;

    /// <summary>Whether events not yet on the broker are kept past the retention (a broker is configured).</summary>
    public bool KeepUnpublished { get; init; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.PruneIntervalMinutes);

        // Not at once: the database is being migrated at start. Not after a whole interval either: an
        // instance restarted more often than that would never prune.
        await Task.Delay(TimeSpan.FromMinutes(Math.Min(1, options.PruneIntervalMinutes)), clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pruned = await PruneAsync(stoppingToken);
                if (pruned > 0)
                {
                    LogPruned(logger, pruned, options.RetentionDays);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be away; the next round tries again.
                LogPruneFailed(logger, ex);
            }

            await Task.Delay(interval, clock, stoppingToken);
        }
    }

    /// <summary>One pruning round; the number of events deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Retention;
        var total = 0;
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
            var old = db.OutboxMessages.Where(m => m.OccurredAt < cutoff);
            if (KeepUnpublished)
            {
                old = old.Where(m => !db.PendingOutboxMessages.Any(p => p.MessageId == m.Id));
            }

            var ids = await old.OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            // The backlog rows go with their messages (the foreign key cascades).
            total += await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} events older than {RetentionDays} days from the change feed")]
    private static partial void LogPruned(ILogger logger, int count, int retentionDays);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the change feed failed; trying again at the next interval")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
