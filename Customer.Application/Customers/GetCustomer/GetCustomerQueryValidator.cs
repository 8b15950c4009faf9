using CustomerService.Application.Customers.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.GetCustomer;

public sealed class GetCustomerQueryValidator : AbstractValidator<GetCustomerQuery>
{
    public GetCustomerQueryValidator()
    {
        RuleFor(q => q.Id).MustBeId("id");
    }
}
