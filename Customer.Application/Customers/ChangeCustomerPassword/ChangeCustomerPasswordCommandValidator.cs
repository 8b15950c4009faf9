using CustomerService.Application.Customers.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.ChangeCustomerPassword;

/// <summary>The current password only as checkCredentials takes it; the new one by customer.create's rules.</summary>
public sealed class ChangeCustomerPasswordCommandValidator : AbstractValidator<ChangeCustomerPasswordCommand>
{
    public ChangeCustomerPasswordCommandValidator()
    {
        RuleFor(c => c.Id).MustBeId("id");
        RuleFor(c => c.Password).MustBeOfferedPassword("password");
        RuleFor(c => c.NewPassword).MustBePassword("newPassword");
    }
}
