using CustomerService.Application.Common.Results;
using Mediator;

namespace CustomerService.Application.Customers.ListCustomerChanges;

/// <summary>
/// customer.changes: every committed change to a customer, as CloudEvents in commit order, one page at a
/// time; a sync job keeps <c>next</c> and asks again from there.
/// </summary>
public sealed record ListCustomerChangesQuery : IQuery<Result<CustomerChangesPage>>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>The <c>next</c> of an earlier page; absent means from the oldest retained change.</summary>
    public string? After { get; init; }

    /// <summary>1 to 1000; 100 when not given.</summary>
    public int? Limit { get; init; }
}

public sealed class ListCustomerChangesQueryHandler(ICustomerChangeFeed feed)
    : IQueryHandler<ListCustomerChangesQuery, Result<CustomerChangesPage>>
{
    public async ValueTask<Result<CustomerChangesPage>> Handle(ListCustomerChangesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await feed.ReadAsync(query.After, query.Limit ?? ListCustomerChangesQuery.DefaultLimit, cancellationToken);
    }
}
