using CustomerService.Application.Common.Security;
using CustomerService.Application.Customers.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.ResetCustomerPassword;

/// <summary>A token must be there and of a plausible size; whether it is one of ours is the handler's to say.</summary>
public sealed class ResetCustomerPasswordCommandValidator : AbstractValidator<ResetCustomerPasswordCommand>
{
    public ResetCustomerPasswordCommandValidator()
    {
        RuleFor(c => c.Token).MustBeText("token", PasswordResetTokenCodec.MaxLength);
        RuleFor(c => c.NewPassword).MustBePassword("newPassword");
    }
}
