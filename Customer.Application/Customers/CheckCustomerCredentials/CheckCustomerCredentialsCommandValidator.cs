using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using FluentValidation;
using FluentValidation.Results;

namespace CustomerService.Application.Customers.CheckCustomerCredentials;

/// <summary>
/// Only presence and size: the format of the email and the strength of the password say nothing
/// useful about a login attempt, and judging them would answer differently from bad_credentials.
/// </summary>
public sealed class CheckCustomerCredentialsCommandValidator : AbstractValidator<CheckCustomerCredentialsCommand>
{
    public CheckCustomerCredentialsCommandValidator()
    {
        RuleFor(c => c.Email).Custom((email, context) => Check(context, "email", TextRules.CheckRequired(email, EmailAddress.MaxLength)));
        RuleFor(c => c.Password).Custom((password, context) => Check(context, "password", password switch
        {
            null => "is required",
            "" => "must not be empty",
            { Length: > CustomerRules.MaxPasswordLength } => $"must be at most {CustomerRules.MaxPasswordLength} characters",
            _ => null,
        }));
    }

    private static void Check(ValidationContext<CheckCustomerCredentialsCommand> context, string field, string? problem)
    {
        if (problem is not null)
        {
            context.AddFailure(new ValidationFailure(field, $"{field} {problem}"));
        }
    }
}
