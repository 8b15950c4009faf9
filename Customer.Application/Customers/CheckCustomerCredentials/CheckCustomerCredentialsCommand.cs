using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Common.Security;
using CustomerService.Domain.Customers;
using Mediator;

namespace CustomerService.Application.Customers.CheckCustomerCredentials;

/// <summary>
/// customer.checkCredentials: whether an email and password belong to an ACTIVE customer. Every
/// refusal is the same <c>bad_credentials</c>, and costs the same time, whatever the reason.
/// </summary>
public sealed record CheckCustomerCredentialsCommand : ICommand<Result<CustomerIdDto>>
{
    public string? Email { get; init; }

    public string? Password { get; init; }

    // The password must never reach a log through the record's generated ToString.
    public override string ToString() => $"{nameof(CheckCustomerCredentialsCommand)} {{ }}";
}

/// <summary>The customer a login belongs to, by id only.</summary>
public sealed record CustomerIdDto(string Id);

public sealed class CheckCustomerCredentialsCommandHandler(
    ICustomerRepository customers,
    IUnitOfWork unitOfWork,
    IPasswordHasher passwordHasher)
    : ICommandHandler<CheckCustomerCredentialsCommand, Result<CustomerIdDto>>
{
    public async ValueTask<Result<CustomerIdDto>> Handle(CheckCustomerCredentialsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var password = command.Password ?? string.Empty;
        var customer = await customers.FindByEmailAsync(EmailAddress.Normalize(command.Email ?? string.Empty), cancellationToken);

        // Always one slow hash check: against a dummy when the email is unknown, so timing tells nothing.
        var check = passwordHasher.Verify(customer?.PasswordHash ?? passwordHasher.UnknownUserHash, password);
        if (customer is null || check == PasswordCheck.Failed || customer.Status != CustomerStatus.Active)
        {
            return CustomerErrors.BadCredentials();
        }

        if (check == PasswordCheck.SucceededNeedsRehash)
        {
            customer.UpgradePasswordHash(passwordHasher.Hash(password));
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return new CustomerIdDto(customer.Id);
    }
}
