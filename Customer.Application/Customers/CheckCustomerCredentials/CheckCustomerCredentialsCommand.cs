using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Common.Security;
using CustomerService.Application.Customers.Common;
using CustomerService.Domain.Customers;
using Mediator;

namespace CustomerService.Application.Customers.CheckCustomerCredentials;

/// <summary>
/// customer.checkCredentials: whether an email and password belong to an ACTIVE customer. Every
/// refusal is the same <c>bad_credentials</c>, and costs the same time, whatever the reason; an email
/// with too many recent failures is answered <c>too_many_attempts</c> without a check.
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
    IPasswordHasher passwordHasher,
    ThrottledPasswordCheck passwordCheck)
    : ICommandHandler<CheckCustomerCredentialsCommand, Result<CustomerIdDto>>
{
    public async ValueTask<Result<CustomerIdDto>> Handle(CheckCustomerCredentialsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var password = command.Password ?? string.Empty;
        var email = EmailAddress.Normalize(command.Email ?? string.Empty);
        var customer = await customers.FindByEmailAsync(email, cancellationToken);

        var check = await passwordCheck.CheckAsync(
            email, customer?.PasswordHash, password, customer?.Status == CustomerStatus.Active, cancellationToken);
        if (!check.IsSuccess)
        {
            return check.Error;
        }

        if (check.Value == PasswordCheck.SucceededNeedsRehash)
        {
            customer!.UpgradePasswordHash(await passwordHasher.HashAsync(password, cancellationToken));
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return new CustomerIdDto(customer!.Id);
    }
}
