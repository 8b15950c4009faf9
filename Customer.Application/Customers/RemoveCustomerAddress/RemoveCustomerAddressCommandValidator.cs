using CustomerService.Application.Customers.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.RemoveCustomerAddress;

public sealed class RemoveCustomerAddressCommandValidator : AbstractValidator<RemoveCustomerAddressCommand>
{
    public RemoveCustomerAddressCommandValidator()
    {
        RuleFor(c => c.Version).MustBeBetween("version", 1, int.MaxValue);
        RuleFor(c => c.CustomerId).MustBeId("customerId");
        RuleFor(c => c.AddressId).MustBeId("addressId");
    }
}
