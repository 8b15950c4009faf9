using System.Data.Common;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Messaging.CloudEvents;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Infrastructure.Persistence.SaveSteps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Infrastructure.Messaging.Outbox;

/// <summary>
/// The transactional outbox: every save that stores a change to a customer also inserts that change's
/// CloudEvent (and its place in the relay's backlog) in the same transaction, just before it commits,
/// so that an event exists exactly when its change was committed. Registered after the version step:
/// an event carries the version its change is stored as.
/// </summary>
internal sealed class OutboxWritingInterceptor(CustomerCloudEvents cloudEvents, TimeProvider clock, OutboxSignal? signal)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        QueueMessages(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        QueueMessages(eventData);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => eventData.CustomerContext().OutboxWrites.SaveFailed();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        eventData.CustomerContext().OutboxWrites.SaveFailed();
        return Task.CompletedTask;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is CustomerDbContext db)
        {
            foreach (var message in db.OutboxWrites.Messages)
            {
                OutboxInsert.Write(db, transaction, message);
            }
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CustomerDbContext db)
        {
            foreach (var message in db.OutboxWrites.Messages)
            {
                await OutboxInsert.WriteAsync(db, transaction, message, cancellationToken);
            }
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData);
        return Task.CompletedTask;
    }

    private void QueueMessages(DbContextEventData eventData)
    {
        var context = eventData.CustomerContext();
        context.OutboxWrites.StartSave(context.Database.CurrentTransaction is not null);

        var savedAt = clock.GetUtcNow().UtcDateTime;
        foreach (var customer in TrackedEntries.Of<Customer>(context.ChangeTracker))
        {
            if (customer.Entity.DomainEvents.Count == 0)
            {
                continue;
            }

            foreach (var message in cloudEvents.For(customer.Entity, savedAt))
            {
                context.OutboxWrites.Add(message);
            }
        }

        // The messages are inserted when the save's transaction commits, so even a save of one
        // statement, which EF Core would otherwise run without one, gets a transaction.
        if (context.OutboxWrites.Messages.Count > 0)
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    private void Committed(TransactionEndEventData eventData)
    {
        if (eventData.Context is CustomerDbContext db && db.OutboxWrites.Clear())
        {
            signal?.Notify();
        }
    }

    // Rolled back on purpose (a failed commit ends in TransactionFailed, and EF Core retries with the same messages).
    private static void RolledBack(TransactionEndEventData eventData)
    {
        if (eventData.Context is CustomerDbContext db)
        {
            db.OutboxWrites.Clear();
        }
    }
}
