using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Customers.Events;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CustomerService.Application.Common.Behaviours;

/// <summary>
/// Runs each command as one unit of work under the database's execution strategy (a transient failure
/// re-runs the whole load-apply-save) and re-runs it from the stored state after an optimistic-concurrency
/// conflict: the handler then decides again, on what is stored now. A change sent without a
/// <c>version</c> is re-applied to the newer state; one sent with a <c>version</c> that is no longer the
/// stored one is refused by the handler as <c>version_conflict</c>; a customer removed meanwhile is
/// <c>customer_not_found</c>. Attempts are bounded and spaced with random jitter. Once the command is
/// over, the domain events of what it committed are published as notifications
/// (docs/decisions/006-domain-events.md): never for a discarded attempt or a failed command.
/// </summary>
public sealed partial class UnitOfWorkBehaviour<TMessage, TResponse>(
    IUnitOfWork unitOfWork,
    IPersistenceFailureClassifier classifier,
    IPublisher publisher,
    ILogger<UnitOfWorkBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
    where TResponse : IFailableResult<TResponse>
{
    public const int MaxAttempts = 10;

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        TResponse response;
        try
        {
            response = await RunAsync(message, next, cancellationToken);
        }
        catch (Exception)
        {
            // The command failed: whatever it recorded is not announced.
            unitOfWork.TakeCommittedEvents();
            throw;
        }

        // Committed: announce it even if the caller has gone away meanwhile.
        foreach (var committed in unitOfWork.TakeCommittedEvents())
        {
            await CustomerEventPublishing.PublishAsync(publisher, committed, CancellationToken.None);
        }

        return response;
    }

    private async ValueTask<TResponse> RunAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await unitOfWork.ExecuteAsync(token => next(message, token).AsTask(), cancellationToken);
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsConflict(ex))
            {
                LogConflictRetry(logger, typeof(TMessage).Name, attempt);
                unitOfWork.DiscardChanges();
                await Task.Delay(Jitter(attempt), cancellationToken);
            }
        }
    }

    // Up to 2, 4, 8... ms (capped at 50), random so that the contenders of one round spread out.
    private static TimeSpan Jitter(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Min(50, 1 << attempt) + 1));

    private bool IsConflict(Exception exception) =>
        classifier.Classify(exception)?.Kind == PersistenceFailureKind.ConcurrencyConflict;

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Message} met a concurrent change; retrying (attempt {Attempt})")]
    private static partial void LogConflictRetry(ILogger logger, string message, int attempt);
}
