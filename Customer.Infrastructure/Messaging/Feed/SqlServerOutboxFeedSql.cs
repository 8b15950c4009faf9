using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Messaging.Feed;

/// <summary>
/// SQL Server: messages are ordered by their rowversion, and read only below MIN_ACTIVE_ROWVERSION(), the
/// lowest one an open transaction may still commit. The horizon is taken first, in its own statement:
/// a row snapshot taken before it could miss a transaction that committed in between.
/// </summary>
internal sealed class SqlServerOutboxFeedSql : IOutboxFeedSql
{
    public async Task<List<FeedRow>> ReadAfterAsync(CustomerDbContext db, FeedPosition after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var horizon = await db.Database
            .SqlQuery<long>($"SELECT CAST(MIN_ACTIVE_ROWVERSION() AS bigint) AS [Value]")
            .ToListAsync(cancellationToken);
        return await db.Database.SqlQuery<FeedRow>($"""
            SELECT TOP ({limit}) [Id], CAST([CommitOrder] AS bigint) AS [Order], [OccurredAt], [Payload] FROM [OutboxMessages]
            WHERE [CommitOrder] > CAST({after.Order} AS binary(8)) AND [CommitOrder] < CAST({horizon[0]} AS binary(8))
            ORDER BY [CommitOrder]
            """).ToListAsync(cancellationToken);
    }

    public async Task<FeedRow?> FindAsync(CustomerDbContext db, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Database.SqlQuery<FeedRow>($"""
            SELECT [Id], CAST([CommitOrder] AS bigint) AS [Order], [OccurredAt], '' AS [Payload] FROM [OutboxMessages] WHERE [Id] = {id}
            """).ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }
}
