using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers;

/// <summary>
/// Which customers customer.list returns. Filters combine with AND; the values of one filter with OR;
/// an empty filter does not restrict. Emails are normalized; tags match customers having any of them.
/// </summary>
public sealed record CustomerListFilter(
    IReadOnlyList<string> Ids,
    IReadOnlyList<string> NormalizedEmails,
    IReadOnlyList<CustomerStatus> Statuses,
    IReadOnlyList<string> Tags);

/// <summary>One page of customers in creation order, and how many match in all.</summary>
public sealed record CustomerListPage(IReadOnlyList<Customer> Customers, int Total);
