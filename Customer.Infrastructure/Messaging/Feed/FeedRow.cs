namespace CustomerService.Infrastructure.Messaging.Feed;

/// <summary>One outbox message as the feed's SQL reads it.</summary>
internal sealed class FeedRow
{
    public long Id { get; init; }

    /// <summary>The provider's commit-order value (see <see cref="IOutboxFeedSql"/>).</summary>
    public long Order { get; init; }

    public DateTime OccurredAt { get; init; }

    public string Payload { get; init; } = string.Empty;

    public FeedPosition Position => new(Order, Id, DateTime.SpecifyKind(OccurredAt, DateTimeKind.Utc));
}
