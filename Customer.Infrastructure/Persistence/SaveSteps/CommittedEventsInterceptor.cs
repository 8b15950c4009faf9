using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Infrastructure.Persistence.SaveSteps;

/// <summary>
/// Moves the domain events of the customers a save writes into the context's
/// <see cref="CommittedEventLog"/> once, and only once, the save has succeeded. The customers are
/// noted before saving: a removed customer is no longer tracked afterwards.
/// </summary>
internal sealed class CommittedEventsInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteRaisingCustomers(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteRaisingCustomers(eventData);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        LogOf(eventData).Commit();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LogOf(eventData).Commit();
        return ValueTask.FromResult(result);
    }

    // EF Core reports a concurrency conflict here, not as a failed save.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        LogOf(eventData).Abandon();
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        LogOf(eventData).Abandon();
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => LogOf(eventData).Abandon();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LogOf(eventData).Abandon();
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => LogOf(eventData).Abandon();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        LogOf(eventData).Abandon();
        return Task.CompletedTask;
    }

    private static void NoteRaisingCustomers(DbContextEventData eventData)
    {
        var context = eventData.CustomerContext();
        context.CommittedEvents.Saving(TrackedEntries.Of<Customer>(context.ChangeTracker)
            .Select(entry => entry.Entity)
            .Where(customer => customer.DomainEvents.Count > 0));
    }

    private static CommittedEventLog LogOf(DbContextEventData eventData) => eventData.CustomerContext().CommittedEvents;
}
