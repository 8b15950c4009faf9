using CustomerService.Application.Common.Diagnostics;
using CustomerService.Application.Common.Results;
using Mediator;

namespace CustomerService.Application.Customers.GetCustomerAddress;

/// <summary>customer.address.info: one address of one customer.</summary>
public sealed record GetCustomerAddressQuery : IQuery<Result<AddressDto>>, ICustomerMessage
{
    public string CustomerId { get; init; } = string.Empty;

    public string AddressId { get; init; } = string.Empty;
}

public sealed class GetCustomerAddressQueryHandler(ICustomerRepository customers)
    : IQueryHandler<GetCustomerAddressQuery, Result<AddressDto>>
{
    public async ValueTask<Result<AddressDto>> Handle(GetCustomerAddressQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var customer = await customers.FindForReadAsync(query.CustomerId, cancellationToken);
        if (customer is null)
        {
            return CustomerErrors.NotFound(query.CustomerId);
        }

        var address = customer.FindAddress(query.AddressId);
        return address is null ? CustomerErrors.AddressNotFound(query.CustomerId, query.AddressId) : address.ToDto();
    }
}
