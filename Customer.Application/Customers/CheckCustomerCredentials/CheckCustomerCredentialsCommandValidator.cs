using CustomerService.Application.Customers.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.CheckCustomerCredentials;

/// <summary>
/// Only presence and size: the format of the email and the strength of the password say nothing
/// useful about a login attempt, and judging them would answer differently from bad_credentials.
/// </summary>
public sealed class CheckCustomerCredentialsCommandValidator : AbstractValidator<CheckCustomerCredentialsCommand>
{
    public CheckCustomerCredentialsCommandValidator()
    {
        RuleFor(c => c.Email).MustBeLookupEmail("email");
        RuleFor(c => c.Password).MustBeOfferedPassword("password");
    }
}
