using System.Text.Json;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.ListCustomerChanges;
using CustomerService.Infrastructure.Persistence;

namespace CustomerService.Infrastructure.Messaging.Feed;

/// <summary>customer.changes over the outbox: the stored CloudEvents in commit order, after a cursor.</summary>
internal sealed class CustomerChangeFeed(CustomerDbContext db, IOutboxFeedSql sql, MessagingOptions options, TimeProvider clock)
    : ICustomerChangeFeed
{
    private const string CursorField = "after";

    public async Task<Result<CustomerChangesPage>> ReadAsync(string? after, int limit, CancellationToken cancellationToken)
    {
        var position = FeedPosition.Start;
        if (after is not null)
        {
            if (!FeedCursor.TryDecode(after, out position))
            {
                return CustomerErrors.UnknownCursor(CursorField);
            }

            if (!position.IsStart && await CheckAsync(position, cancellationToken) is { } problem)
            {
                return problem;
            }
        }

        var rows = await sql.ReadAfterAsync(db, position, limit, cancellationToken);
        var changes = rows.ConvertAll(row => JsonElement.Parse(row.Payload));
        var next = rows.Count == 0 ? after ?? FeedCursor.Encode(FeedPosition.Start) : FeedCursor.Encode(rows[^1].Position);
        return new CustomerChangesPage(changes, next);
    }

    // A position is good while its message is kept; once pruned, it has expired if it is older than the
    // retention, and otherwise it never was one of ours.
    private async Task<Application.Common.Errors.ServiceError?> CheckAsync(FeedPosition position, CancellationToken cancellationToken)
    {
        var row = await sql.FindAsync(db, position.Id, cancellationToken);
        if (row is not null)
        {
            return row.Position == position ? null : CustomerErrors.UnknownCursor(CursorField);
        }

        var retainedSince = clock.GetUtcNow().UtcDateTime - options.Retention;
        return position.OccurredAt < retainedSince ? CustomerErrors.CursorExpired() : CustomerErrors.UnknownCursor(CursorField);
    }
}
