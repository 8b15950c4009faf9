using CustomerService.Application.Common.Results;
using CustomerService.Application.Customers.ListCustomerChanges;

namespace CustomerService.Application.Customers;

/// <summary>The committed changes to customers, as CloudEvents in commit order, resumable from a cursor.</summary>
public interface ICustomerChangeFeed
{
    /// <summary>
    /// Up to <paramref name="limit"/> changes after the cursor <paramref name="after"/> (from the oldest
    /// retained one when null); a cursor the feed did not give out is a validation error, one older than
    /// the retention <c>cursor_expired</c>.
    /// </summary>
    Task<Result<CustomerChangesPage>> ReadAsync(string? after, int limit, CancellationToken cancellationToken);
}
