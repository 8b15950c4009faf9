using CustomerService.Application.Customers.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.GetCustomerAddress;

public sealed class GetCustomerAddressQueryValidator : AbstractValidator<GetCustomerAddressQuery>
{
    public GetCustomerAddressQueryValidator()
    {
        RuleFor(q => q.CustomerId).MustBeId("customerId");
        RuleFor(q => q.AddressId).MustBeId("addressId");
    }
}
