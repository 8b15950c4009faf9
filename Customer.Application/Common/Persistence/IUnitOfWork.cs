namespace CustomerService.Application.Common.Persistence;

/// <summary>
/// Commits every change made to loaded aggregates as one transaction, and keeps the domain events of
/// what it committed until they are taken for publishing.
/// </summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs a whole load-apply-save unit under the database's execution strategy, so a transient
    /// failure re-runs all of it, starting each attempt from a clean change tracker.
    /// </summary>
    Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> unit, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets every loaded entity and pending change, so the next load reads fresh state, and with
    /// them the events of saves not yet taken (<see cref="TakeCommittedEvents"/>).
    /// </summary>
    void DiscardChanges();

    /// <summary>
    /// Hands over, and forgets, the domain events of the aggregates saved since the last call, each
    /// with the version the save stored. Only successful saves contribute.
    /// </summary>
    IReadOnlyList<CommittedEvent> TakeCommittedEvents();
}
