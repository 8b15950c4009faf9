using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Messaging.Feed;

/// <summary>SQLite has one writer at a time, so ids are given in commit order and the id is the order.</summary>
internal sealed class SqliteOutboxFeedSql : IOutboxFeedSql
{
    public Task<List<FeedRow>> ReadAfterAsync(CustomerDbContext db, FeedPosition after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.SqlQuery<FeedRow>($"""
            SELECT "Id", "Id" AS "Order", "OccurredAt", "Payload" FROM "OutboxMessages"
            WHERE "Id" > {after.Id} ORDER BY "Id" LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    public async Task<FeedRow?> FindAsync(CustomerDbContext db, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Database.SqlQuery<FeedRow>($"""
            SELECT "Id", "Id" AS "Order", "OccurredAt", '' AS "Payload" FROM "OutboxMessages" WHERE "Id" = {id}
            """).ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }
}
