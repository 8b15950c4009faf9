using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Infrastructure.Messaging.RabbitMq;

/// <summary>The relay's reads and writes of the outbox: the pending messages in id order, and marking them sent.</summary>
internal sealed class OutboxBacklog(IServiceScopeFactory scopes)
{
    /// <summary>The oldest pending messages, by id: for one customer, id order is version order.</summary>
    public async Task<IReadOnlyList<RelayMessage>> ReadBatchAsync(int size, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        return await db.PendingOutboxMessages
            .OrderBy(p => p.MessageId)
            .Take(size)
            .Select(p => new RelayMessage(p.Message!.Id, p.Message.EventId, p.Message.Type, p.Message.CustomerId, p.Message.OccurredAt, p.Message.Payload))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Deletes the pending rows of messages the broker confirmed.</summary>
    public async Task MarkSentAsync(IReadOnlyCollection<long> messageIds, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        await db.PendingOutboxMessages.Where(p => messageIds.Contains(p.MessageId)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>How many are pending and when the oldest was committed (null when none).</summary>
    public async Task<(int Count, DateTime? Oldest)> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var count = await db.PendingOutboxMessages.CountAsync(cancellationToken);
        return (count, count == 0 ? null : await OldestPendingAsync(db, cancellationToken));
    }

    /// <summary>
    /// The commit time of the lowest pending id: one primary-key seek and join. On server databases ids
    /// commit slightly out of order, so this is the oldest to within a moment, which is all a threshold needs.
    /// </summary>
    public static async Task<DateTime?> OldestPendingAsync(CustomerDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.PendingOutboxMessages
            .OrderBy(p => p.MessageId)
            .Select(p => (DateTime?)p.Message!.OccurredAt)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
