namespace CustomerService.Infrastructure.Messaging.Outbox;

/// <summary>
/// One committed change to a customer as the CloudEvent other services receive, written in the same
/// transaction as the change and never altered afterwards. The feed reads these in commit order; the
/// relay publishes the ones still listed in <see cref="PendingOutboxMessage"/>.
/// </summary>
internal sealed class OutboxMessage
{
    public long Id { get; private set; }

    /// <summary>The CloudEvent id: the same on every delivery, for consumers' deduplication.</summary>
    public required string EventId { get; init; }

    /// <summary>The CloudEvent type, also the routing key: <c>customer.created</c>, <c>customer.updated</c>, <c>customer.removed</c>.</summary>
    public required string Type { get; init; }

    public required string CustomerId { get; init; }

    /// <summary>The version the change was stored as (for a removal, the last version the customer had).</summary>
    public required int CustomerVersion { get; init; }

    /// <summary>When the change was saved (UTC): the CloudEvent's <c>time</c>.</summary>
    public required DateTime OccurredAt { get; init; }

    /// <summary>The whole CloudEvent, structured JSON.</summary>
    public required string Payload { get; init; }
}
