using System.Text.Json.Serialization;
using CustomerService.Application.Common.Json;
using CustomerService.Application.Common.Results;
using CustomerService.Domain.Customers;
using Mediator;

namespace CustomerService.Application.Customers.ListCustomers;

/// <summary>
/// customer.list: customers matching every given filter, in creation order, one page at a time.
/// Each filter takes one value, an array, or a comma-separated string.
/// </summary>
public sealed record ListCustomersQuery : IQuery<Result<CustomerPageDto>>
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    [JsonConverter(typeof(StringListJsonConverter))]
    public IReadOnlyList<string>? Id { get; init; }

    [JsonConverter(typeof(StringListJsonConverter))]
    public IReadOnlyList<string>? Email { get; init; }

    [JsonConverter(typeof(StringListJsonConverter))]
    public IReadOnlyList<string>? Status { get; init; }

    [JsonConverter(typeof(StringListJsonConverter))]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>1 to 100; 10 when not given.</summary>
    public int? Limit { get; init; }

    /// <summary>0 or more; 0 when not given.</summary>
    public int? Skip { get; init; }
}

public sealed class ListCustomersQueryHandler(ICustomerRepository customers)
    : IQueryHandler<ListCustomersQuery, Result<CustomerPageDto>>
{
    public async ValueTask<Result<CustomerPageDto>> Handle(ListCustomersQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = query.Limit ?? ListCustomersQuery.DefaultLimit;
        var skip = query.Skip ?? 0;
        var filter = new CustomerListFilter(
            Distinct(query.Id),
            Distinct(query.Email?.Select(EmailAddress.Normalize)),
            [.. Distinct(query.Status).Select(CustomerStatusNames.Parse)],
            Distinct(query.Tags));

        var page = await customers.ListAsync(filter, skip, limit, cancellationToken);
        return new CustomerPageDto(new PageDto(limit, skip, page.Total), [.. page.Customers.Select(c => c.ToDto())]);
    }

    private static List<string> Distinct(IEnumerable<string>? values) => values is null ? [] : [.. values.Distinct(StringComparer.Ordinal)];
}
