using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using CustomerService.Infrastructure.Persistence.SaveSteps;

namespace CustomerService.Infrastructure.Persistence.SavedCopies;

/// <summary>
/// Keeps the saved copies in step with what saves store. A successful save confirms the copies it
/// wrote (their version was checked) and remembers every customer the context tracks, each now as the
/// database holds it; a removal forgets the customer; a failed save forgets every customer involved,
/// so that the retry starts from the database. Registered after the version step, so that a customer
/// whose addresses alone changed is already marked modified.
/// </summary>
internal sealed class SavedCopiesUpkeepInterceptor(SavedCustomerCopies copies) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteWrites(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteWrites(eventData);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Confirm(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Confirm(eventData);
        return ValueTask.FromResult(result);
    }

    // EF Core reports a concurrency conflict here, not as a failed save.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        ForgetTracked(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ForgetTracked(eventData);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetTracked(eventData);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetTracked(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => ForgetTracked(eventData);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetTracked(eventData);
        return Task.CompletedTask;
    }

    private void NoteWrites(DbContextEventData eventData)
    {
        var written = Customers(eventData).Where(entry => entry.State is EntityState.Modified or EntityState.Deleted).ToList();
        foreach (var removed in written.Where(entry => entry.State == EntityState.Deleted))
        {
            copies.Forget(removed.Entity.Id);
        }

        eventData.CustomerContext().Copies.Writing(written.Select(entry => entry.Entity.Id));
    }

    private void Confirm(DbContextEventData eventData)
    {
        eventData.CustomerContext().Copies.Written();
        foreach (var entry in Customers(eventData).Where(entry => entry.State == EntityState.Unchanged))
        {
            copies.Remember(entry.Entity);
        }
    }

    private void ForgetTracked(DbContextEventData eventData)
    {
        foreach (var entry in Customers(eventData))
        {
            copies.Forget(entry.Entity.Id);
        }
    }

    private static List<EntityEntry<Customer>> Customers(DbContextEventData eventData) => TrackedEntries.Of<Customer>(eventData.CustomerContext().ChangeTracker);
}
