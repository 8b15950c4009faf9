using CustomerService.Application.Customers.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.UpdateCustomer;

public sealed class UpdateCustomerCommandValidator : AbstractValidator<UpdateCustomerCommand>
{
    public UpdateCustomerCommandValidator()
    {
        RuleFor(c => c.Version).MustBeBetween("version", 1, int.MaxValue);
        RuleFor(c => c.Id).MustBeId("id");
        RuleFor(c => c.Email).MustBeEmail("email").When(c => c.Email is not null);
        RuleFor(c => c.FirstName).MustBeName("firstName").When(c => c.FirstName is not null);
        RuleFor(c => c.LastName).MustBeName("lastName").When(c => c.LastName is not null);
        RuleFor(c => c.Status).MustBeStatus("status").When(c => c.Status is not null);
        RuleFor(c => c.Tags).MustBeTags("tags");
    }
}
