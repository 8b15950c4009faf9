using CustomerService.Application.Customers.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.CreateCustomer;

public sealed class CreateCustomerCommandValidator : AbstractValidator<CreateCustomerCommand>
{
    public CreateCustomerCommandValidator()
    {
        RuleFor(c => c.Email).MustBeEmail("email");
        RuleFor(c => c.Password).MustBePassword("password");
        RuleFor(c => c.FirstName).MustBeName("firstName");
        RuleFor(c => c.LastName).MustBeName("lastName");
        RuleFor(c => c.Status).MustBeStatus("status").When(c => c.Status is not null);
        RuleFor(c => c.Tags).MustBeTags("tags");
        RuleFor(c => c.Addresses).MustBeAddresses("addresses");
    }
}
