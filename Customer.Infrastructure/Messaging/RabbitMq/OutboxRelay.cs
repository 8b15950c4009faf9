using System.Collections.Concurrent;
using CustomerService.Infrastructure.Messaging.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerService.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// The background relay: while this instance holds the lease, publishes pending outbox messages in id
/// order, one customer's one after another and different customers' concurrently, and marks each sent
/// once the broker confirms it. A failed publish holds back that customer's later events until the next round.
/// </summary>
internal sealed partial class OutboxRelay(
    RelayLease lease,
    OutboxBacklog backlog,
    IOutboxPublisher publisher,
    RelayMetrics metrics,
    OutboxSignal signal,
    RabbitMqRelayOptions options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, bool> _unroutedTypesLogged = new(StringComparer.Ordinal);

    private TimeSpan RenewEvery => options.Lease / 3;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await lease.ReleaseAsync(cancellationToken);
        }
#pragma warning disable CA1031 // Shutting down: an unreleased lease merely expires.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReleaseFailed(logger, ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start-up never waits for the database or the broker.
        await Task.Yield();
        var backoff = new RetryBackoff(options.RetryInitial, options.RetryMax);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await lease.TryAcquireAsync(stoppingToken))
                {
                    LogLeaseTaken(logger, lease.Holder);
                    await RelayWhileHoldingAsync(stoppingToken);
                }
                else
                {
                    await Task.Delay(RenewEvery, clock, stoppingToken);
                }

                backoff.Reset();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The relay outlives database outages: log, back off, go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                metrics.NotHolding();
                var wait = backoff.Next();
                LogRoundFailed(logger, ex, wait.TotalSeconds);
                await DelayUnlessStoppingAsync(wait, stoppingToken);
            }
        }
    }

    /// <summary>Relays until the lease is lost (a renewal failed) or the service stops.</summary>
    private async Task RelayWhileHoldingAsync(CancellationToken stoppingToken)
    {
        using var holding = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var keeper = KeepLeaseAsync(holding);
        try
        {
            await RelayRoundsAsync(holding.Token);
        }
        catch (OperationCanceledException) when (holding.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            // The keeper lost the lease: another instance may relay now.
        }
        finally
        {
            await holding.CancelAsync();
            await keeper;
            metrics.NotHolding();
        }
    }

    /// <summary>Renews every third of the lease; a renewal refused, failed or slow stops relaying before the lease runs out.</summary>
    private async Task KeepLeaseAsync(CancellationTokenSource holding)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RenewEvery, clock, holding.Token);
                bool held;
                using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(holding.Token))
                {
                    attempt.CancelAfter(RenewEvery);
                    try
                    {
                        held = await lease.TryAcquireAsync(attempt.Token);
                    }
                    catch (Exception ex) when (!holding.IsCancellationRequested)
                    {
                        LogRenewFailed(logger, ex);
                        held = false;
                    }
                }

                if (!held)
                {
                    LogLeaseLost(logger, lease.Holder);
                    await holding.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (holding.IsCancellationRequested)
        {
            // Relaying has stopped.
        }
    }

    private async Task RelayRoundsAsync(CancellationToken cancellationToken)
    {
        var backoff = new RetryBackoff(options.RetryInitial, options.RetryMax);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (count, oldest) = await backlog.MeasureAsync(cancellationToken);
            metrics.Backlog(count, oldest is { } at ? clock.GetUtcNow().UtcDateTime - at : TimeSpan.Zero);
            if (count == 0)
            {
                backoff.Reset();
                await signal.WaitAsync(options.PollInterval, cancellationToken);
                continue;
            }

            if (!await publisher.EnsureConnectedAsync(cancellationToken))
            {
                await publisher.WaitForRecoveryAsync(backoff.Next(), cancellationToken);
                continue;
            }

            var batch = await backlog.ReadBatchAsync(options.BatchSize, cancellationToken);
            var sent = new ConcurrentQueue<long>();
            var failed = false;
            try
            {
                failed = await PublishBatchAsync(batch, sent, cancellationToken);
            }
            finally
            {
                // Confirmed is confirmed, even when the lease was lost meanwhile: mark them, or they go out twice.
                await backlog.MarkSentAsync([.. sent], CancellationToken.None);
            }

            if (failed)
            {
                await publisher.WaitForRecoveryAsync(backoff.Next(), cancellationToken);
            }
            else
            {
                backoff.Reset();
            }
        }
    }

    /// <summary>Publishes a batch: customers concurrently, each customer's messages in order; true when any failed.</summary>
    private async Task<bool> PublishBatchAsync(IReadOnlyList<RelayMessage> batch, ConcurrentQueue<long> sent, CancellationToken cancellationToken)
    {
        var failures = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.PublishConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batch.GroupBy(m => m.CustomerId, StringComparer.Ordinal), parallel, async (customerMessages, token) =>
        {
            foreach (var message in customerMessages)
            {
                var outcome = await publisher.PublishAsync(message, token);
                if (outcome == PublishOutcome.Failed)
                {
                    // This customer's later events must not overtake this one: they wait for the next round.
                    metrics.Failed(message.Type);
                    Interlocked.Increment(ref failures);
                    return;
                }

                sent.Enqueue(message.Id);
                metrics.Published(message.Type, clock.GetUtcNow().UtcDateTime - message.OccurredAt);
                if (outcome == PublishOutcome.Unrouted)
                {
                    metrics.Unrouted(message.Type);
                    if (_unroutedTypesLogged.TryAdd(message.Type, true))
                    {
                        LogUnrouted(logger, message.Type, options.Exchange);
                    }
                }
            }
        });
        return failures > 0;
    }

    private static async Task DelayUnlessStoppingAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance now relays the outbox to RabbitMQ (lease holder {Holder})")]
    private static partial void LogLeaseTaken(ILogger logger, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox relay lease of {Holder} could not be renewed; relaying stops until it is held again")]
    private static partial void LogLeaseLost(ILogger logger, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the outbox relay lease failed")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An outbox relay round failed (is the database reachable?); retrying in {Seconds} s")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the outbox relay lease failed; it expires by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No queue takes {Type} events on exchange {Exchange}; they count as sent (late subscribers read the feed). Logged once per type")]
    private static partial void LogUnrouted(ILogger logger, string type, string exchange);
}
