namespace CustomerService.Infrastructure.Messaging.Feed;

/// <summary>
/// Where one outbox message stands in the feed: its place in commit order (<paramref name="Order"/>, the
/// provider's commit-order value; <paramref name="Id"/> breaks ties), and when it happened, which tells
/// an expired position from a made-up one once the message is pruned.
/// </summary>
internal readonly record struct FeedPosition(long Order, long Id, DateTime OccurredAt)
{
    /// <summary>Before every message: a read from here starts at the oldest retained one.</summary>
    public static FeedPosition Start { get; } = new(0, 0, DateTime.UnixEpoch);

    public bool IsStart => this == Start;
}
