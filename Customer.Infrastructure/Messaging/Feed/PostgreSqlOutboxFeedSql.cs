using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Messaging.Feed;

/// <summary>
/// PostgreSQL: messages are ordered by the id of the transaction that wrote them, and read only below the
/// snapshot's xmin, the oldest transaction still running: everything older has committed or rolled back.
/// One statement, so the xmin and the rows come from the same snapshot.
/// </summary>
internal sealed class PostgreSqlOutboxFeedSql : IOutboxFeedSql
{
    public Task<List<FeedRow>> ReadAfterAsync(CustomerDbContext db, FeedPosition after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var order = after.Order.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return db.Database.SqlQuery<FeedRow>($"""
            SELECT "Id", "TransactionId"::text::bigint AS "Order", "OccurredAt", "Payload" FROM "OutboxMessages"
            WHERE ("TransactionId", "Id") > ({order}::xid8, {after.Id})
              AND "TransactionId" < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY "TransactionId", "Id" LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    public async Task<FeedRow?> FindAsync(CustomerDbContext db, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Database.SqlQuery<FeedRow>($"""
            SELECT "Id", "TransactionId"::text::bigint AS "Order", "OccurredAt", '' AS "Payload" FROM "OutboxMessages" WHERE "Id" = {id}
            """).ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }
}
