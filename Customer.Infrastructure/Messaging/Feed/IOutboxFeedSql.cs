using CustomerService.Infrastructure.Persistence;

namespace CustomerService.Infrastructure.Messaging.Feed;

/// <summary>
/// Reads outbox messages in commit order, which each provider knows its own way (docs/decisions/013):
/// a message is read only once no transaction that could still commit before it is running, so that a
/// message committed later never lands before a position already handed out.
/// </summary>
internal interface IOutboxFeedSql
{
    /// <summary>Up to <paramref name="limit"/> messages after <paramref name="after"/>, in commit order.</summary>
    Task<List<FeedRow>> ReadAfterAsync(CustomerDbContext db, FeedPosition after, int limit, CancellationToken cancellationToken);

    /// <summary>The message with this id, without its payload; null when there is none (any more).</summary>
    Task<FeedRow?> FindAsync(CustomerDbContext db, long id, CancellationToken cancellationToken);
}
