using CustomerService.Application.Customers.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.UpdateCustomerAddress;

public sealed class UpdateCustomerAddressCommandValidator : AbstractValidator<UpdateCustomerAddressCommand>
{
    public UpdateCustomerAddressCommandValidator()
    {
        RuleFor(c => c.CustomerId).MustBeId("customerId");
        RuleFor(c => c.Address).MustBeAddressChange("address");
    }
}
