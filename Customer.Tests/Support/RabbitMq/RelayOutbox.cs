using CustomerService.Infrastructure.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Support.RabbitMq;

/// <summary>Writes outbox messages as the writer does (a message and its pending row) and reads what is still pending.</summary>
public static class RelayOutbox
{
    /// <summary>One pending message; returns its id.</summary>
    public static async Task<long> AddAsync(TestDatabase database, string customerId, int version, string type = "customer.updated", DateTime? occurredAt = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContextWith();
        var eventId = Guid.NewGuid().ToString();
        var at = occurredAt ?? DateTime.UtcNow;
        var message = new OutboxMessage
        {
            EventId = eventId,
            Type = type,
            CustomerId = customerId,
            CustomerVersion = version,
            OccurredAt = at,
            Payload = $$$"""{"specversion":"1.0","id":"{{{eventId}}}","type":"{{{type}}}","subject":"{{{customerId}}}","data":{"id":"{{{customerId}}}","version":{{{version}}},"note":"ünïcode"}}""",
        };
        db.OutboxMessages.Add(message);
        db.PendingOutboxMessages.Add(new PendingOutboxMessage { Message = message });
        await db.SaveChangesAsync();
        return message.Id;
    }

    public static async Task<List<long>> PendingIdsAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContextWith();
        return await db.PendingOutboxMessages.OrderBy(p => p.MessageId).Select(p => p.MessageId).ToListAsync();
    }

    internal static async Task<OutboxMessage> MessageAsync(TestDatabase database, long id)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContextWith();
        return await db.OutboxMessages.SingleAsync(m => m.Id == id);
    }

    /// <summary>Polls until the condition holds or the timeout passes; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }
    }
}
