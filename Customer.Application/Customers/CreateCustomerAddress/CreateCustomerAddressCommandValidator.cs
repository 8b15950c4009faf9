using CustomerService.Application.Customers.Common;
using FluentValidation;
using FluentValidation.Results;

namespace CustomerService.Application.Customers.CreateCustomerAddress;

public sealed class CreateCustomerAddressCommandValidator : AbstractValidator<CreateCustomerAddressCommand>
{
    public CreateCustomerAddressCommandValidator()
    {
        RuleFor(c => c.Version).MustBeBetween("version", 1, int.MaxValue);
        RuleFor(c => c.CustomerId).MustBeId("customerId");
        RuleFor(c => c).Custom((command, context) =>
        {
            var (field, problem) = (command.Address, command.Addresses) switch
            {
                (null, null) => ("address", "address (an object) or addresses (an array) is required"),
                (not null, not null) => ("address", "address and addresses cannot both be sent"),
                (null, { Count: 0 }) => ("addresses", "addresses must not be empty"),
                _ => (string.Empty, null),
            };
            if (problem is not null)
            {
                context.AddFailure(new ValidationFailure(field, problem));
            }
        });
        RuleFor(c => c.Address).MustBeAddress("address");
        RuleFor(c => c.Addresses).MustBeAddresses("addresses");
    }
}
