namespace CustomerService.Infrastructure.Messaging.Outbox;

/// <summary>
/// An outbox message the broker has not confirmed yet. Written with the message and deleted once the
/// broker confirms it, so the relay's work list is only the backlog, and the message row itself never
/// changes (on SQL Server an update would move it in the feed's commit order).
/// </summary>
internal sealed class PendingOutboxMessage
{
    public long MessageId { get; private set; }

    /// <summary>Set when the message is written; its id, which the database gives, follows on insert.</summary>
    public OutboxMessage? Message { get; init; }
}
