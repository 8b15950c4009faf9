namespace CustomerService.Infrastructure.Messaging.Outbox;

/// <summary>
/// An outbox message the broker has not confirmed yet. Written with the message and deleted once the
/// broker confirms it, so the relay's work list is only the backlog, and the message row itself never
/// changes (on SQL Server an update would move it in the feed's commit order).
/// </summary>
internal sealed class PendingOutboxMessage
{
    public long MessageId { get; private set; }

    /// <summary>The message this row names; the service writes both rows with one command (<see cref="OutboxInsert"/>).</summary>
    public OutboxMessage? Message { get; init; }
}
