using CustomerService.Application.Customers.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.IssuePasswordResetToken;

/// <summary>Presence and size only: an email no customer holds, however it is spelt, is customer_not_found.</summary>
public sealed class IssuePasswordResetTokenCommandValidator : AbstractValidator<IssuePasswordResetTokenCommand>
{
    public IssuePasswordResetTokenCommandValidator()
    {
        RuleFor(c => c.Email).MustBeLookupEmail("email");
    }
}
