using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Customers.Events;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CustomerService.Application.Common.Behaviours;

/// <summary>
/// Runs each command as one unit of work: under the database's execution strategy (transient
/// failures re-run the whole load-apply-save), and, for partial changes sent without a
/// <c>version</c>, re-run after an optimistic-concurrency conflict — reload, re-apply, save — so that
/// callers changing different fields at the same moment all succeed. Attempts are bounded and spaced
/// with random jitter; when they run out the conflict reaches the caller as <c>version_conflict</c>.
/// Once the command is over and its change committed, the domain events of what was saved are
/// published as notifications (see docs/decisions/006-domain-events.md): never for an attempt that
/// was discarded and re-run, never for a command that ended in an exception.
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

        // Committed: announce it even if the caller has gone away meanwhile. Indexed, not foreach:
        // enumerating through the interface would allocate an enumerator per command.
        var committed = unitOfWork.TakeCommittedEvents();
        for (var i = 0; i < committed.Count; i++)
        {
            await CustomerEventPublishing.PublishAsync(publisher, committed[i], CancellationToken.None);
        }

        return response;
    }

    // A ValueTask: when every attempt completes synchronously (a handler with nothing to wait for),
    // no Task is allocated for the outcome.
    private async ValueTask<TResponse> RunAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var retryConflicts = message is IConcurrencyRetryable { Version: null };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // AsTask hands over the handler's own Task when it has one, and creates one only for
                // an already completed result: no async state machine of its own per attempt. The
                // message and next travel as state, so the unit is a static lambda: no closure per send.
                return await unitOfWork.ExecuteAsync(
                    (message, next),
                    static (handler, token) => handler.next(handler.message, token).AsTask(),
                    cancellationToken);
            }
            catch (Exception ex) when (retryConflicts && attempt < MaxAttempts && IsConflict(ex))
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
