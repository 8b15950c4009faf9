using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Messaging.CloudEvents;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Infrastructure.Persistence.SaveSteps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Infrastructure.Messaging.Outbox;

/// <summary>
/// The transactional outbox: every save that stores a change to a customer also inserts that change's
/// CloudEvent (and its place in the relay's backlog), in the same transaction, so that an event exists
/// exactly when its change was committed. Registered after the version step: an event carries the
/// version its change is stored as.
/// </summary>
internal sealed class OutboxWritingInterceptor(CustomerCloudEvents cloudEvents, TimeProvider clock, OutboxSignal? signal)
    : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        WriteMessages(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        WriteMessages(eventData);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Committed(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return ValueTask.FromResult(result);
    }

    private void WriteMessages(DbContextEventData eventData)
    {
        var context = eventData.CustomerContext();

        // A save tried again after a failure writes its messages afresh from the customers' events.
        Forget(context);

        var savedAt = clock.GetUtcNow().UtcDateTime;
        foreach (var customer in TrackedEntries.Of<Customer>(context.ChangeTracker))
        {
            if (customer.Entity.DomainEvents.Count == 0)
            {
                continue;
            }

            foreach (var message in cloudEvents.For(customer.Entity, savedAt))
            {
                var pending = new PendingOutboxMessage { Message = message };
                context.OutboxMessages.Add(message);
                context.PendingOutboxMessages.Add(pending);
                context.OutboxWrites.Add((message, pending));
            }
        }
    }

    private void Committed(DbContextEventData eventData)
    {
        if (Forget(eventData.CustomerContext()))
        {
            signal?.Notify();
        }
    }

    // Once saved the messages are the database's, and a failed save writes them again: either way the
    // context stops tracking the ones this step wrote.
    private static bool Forget(CustomerDbContext context)
    {
        if (context.OutboxWrites.Count == 0)
        {
            return false;
        }

        foreach (var (message, pending) in context.OutboxWrites)
        {
            context.Entry(pending).State = EntityState.Detached;
            context.Entry(message).State = EntityState.Detached;
        }

        context.OutboxWrites.Clear();
        return true;
    }
}
