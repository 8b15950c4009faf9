using CustomerService.Application.Common.Diagnostics;
using CustomerService.Application.Common.Results;
using Mediator;

namespace CustomerService.Application.Customers.GetCustomer;

/// <summary>customer.info: one customer by id.</summary>
public sealed record GetCustomerQuery : IQuery<Result<CustomerDto>>, ICustomerMessage
{
    public string Id { get; init; } = string.Empty;

    // Explicit: not a second JSON field, not part of the record's generated ToString.
    string ICustomerMessage.CustomerId => Id;
}

public sealed class GetCustomerQueryHandler(ICustomerRepository customers)
    : IQueryHandler<GetCustomerQuery, Result<CustomerDto>>
{
    public async ValueTask<Result<CustomerDto>> Handle(GetCustomerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var customer = await customers.FindForReadAsync(query.Id, cancellationToken);
        return customer is null ? CustomerErrors.NotFound(query.Id) : customer.ToDto();
    }
}
