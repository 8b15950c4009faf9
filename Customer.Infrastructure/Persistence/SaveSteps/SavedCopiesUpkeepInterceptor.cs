using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Infrastructure.Persistence.SaveSteps;

/// <summary>
/// Keeps <see cref="SavedCustomerCopies"/> in step with what saves store: a successful save remembers
/// every customer the context tracks (each now as the database holds it), a removal forgets the customer
/// before it is deleted, and a failed save forgets every customer involved. A copy is only a candidate,
/// verified before use, so forgetting too much costs a query and never an error.
/// </summary>
internal sealed class SavedCopiesUpkeepInterceptor(SavedCustomerCopies copies) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ForgetRemoved(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ForgetRemoved(eventData);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RememberTracked(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        RememberTracked(eventData);
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

    private void ForgetRemoved(DbContextEventData eventData)
    {
        foreach (var entry in Customers(eventData).Where(entry => entry.State == EntityState.Deleted))
        {
            copies.Forget(entry.Entity.Id);
        }
    }

    private void RememberTracked(DbContextEventData eventData)
    {
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

    private static IEnumerable<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Customer>> Customers(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return eventData.Context?.ChangeTracker.Entries<Customer>() ?? [];
    }
}
