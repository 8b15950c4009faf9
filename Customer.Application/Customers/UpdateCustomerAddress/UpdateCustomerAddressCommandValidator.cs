using CustomerService.Application.Customers.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.UpdateCustomerAddress;

public sealed class UpdateCustomerAddressCommandValidator : AbstractValidator<UpdateCustomerAddressCommand>
{
    public UpdateCustomerAddressCommandValidator()
    {
        RuleFor(c => c.Version).MustBeBetween("version", 1, int.MaxValue);
        RuleFor(c => c.CustomerId).MustBeId("customerId");
        RuleFor(c => c.Address).MustBeAddressChange("address");
    }
}
