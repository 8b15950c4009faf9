using CustomerService.Application.Customers.UpdateCustomer;
using FluentValidation;

namespace CustomerService.Tests.Extending;

/// <summary>
/// Example 1 (docs/extending.md): an extra rule for customer.update. Registered as one more
/// <see cref="IValidator{T}"/>; the validation behaviour runs it alongside the built-in validator
/// and reports all their problems together as <c>validation_error</c>.
/// </summary>
public sealed class BlockedEmailDomainValidator : AbstractValidator<UpdateCustomerCommand>
{
    public const string BlockedDomain = "blocked.example";

    public BlockedEmailDomainValidator()
    {
        RuleFor(c => c.Email)
            .Must(email => email is null || !email.EndsWith("@" + BlockedDomain, StringComparison.OrdinalIgnoreCase))
            .WithName("email")
            .OverridePropertyName("email")
            .WithMessage($"email must not be an address at {BlockedDomain}");
    }
}
