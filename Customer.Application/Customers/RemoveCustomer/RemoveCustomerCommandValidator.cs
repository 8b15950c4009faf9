using CustomerService.Application.Customers.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.RemoveCustomer;

public sealed class RemoveCustomerCommandValidator : AbstractValidator<RemoveCustomerCommand>
{
    public RemoveCustomerCommandValidator()
    {
        RuleFor(c => c.Version).MustBeBetween("version", 1, int.MaxValue);
        RuleFor(c => c.Id).MustBeId("id");
    }
}
