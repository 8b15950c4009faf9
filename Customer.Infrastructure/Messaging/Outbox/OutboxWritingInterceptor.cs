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
        ForgetMessages(context);

        var savedAt = clock.GetUtcNow().UtcDateTime;
        foreach (var customer in TrackedEntries.Of<Customer>(context.ChangeTracker))
        {
            if (customer.Entity.DomainEvents.Count == 0)
            {
                continue;
            }

            foreach (var message in cloudEvents.For(customer.Entity, savedAt))
            {
                context.OutboxMessages.Add(message);
                context.PendingOutboxMessages.Add(new PendingOutboxMessage { Message = message });
            }
        }
    }

    private void Committed(DbContextEventData eventData)
    {
        if (ForgetMessages(eventData.CustomerContext()))
        {
            signal?.Notify();
        }
    }

    // The messages are the database's now (or to be written afresh): the context need not track them.
    private static bool ForgetMessages(CustomerDbContext context)
    {
        var any = false;
        foreach (var entry in TrackedEntries.Of<PendingOutboxMessage>(context.ChangeTracker))
        {
            entry.State = EntityState.Detached;
        }

        foreach (var entry in TrackedEntries.Of<OutboxMessage>(context.ChangeTracker))
        {
            entry.State = EntityState.Detached;
            any = true;
        }

        return any;
    }
}
