using CustomerService.Application.Common.Diagnostics;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Common.Security;
using CustomerService.Application.Customers.Common;
using Mediator;

namespace CustomerService.Application.Customers.ChangeCustomerPassword;

/// <summary>
/// customer.password.change: replaces a customer's password, given the current one. A wrong current
/// password is <c>bad_credentials</c> and counts against the customer's email like a failed sign-in.
/// </summary>
public sealed record ChangeCustomerPasswordCommand : ICommand<Result<PasswordChanged>>, ICustomerMessage
{
    public string Id { get; init; } = string.Empty;

    /// <summary>The current password.</summary>
    public string? Password { get; init; }

    public string? NewPassword { get; init; }

    // Explicit: not a second JSON field, not part of the record's generated ToString.
    string ICustomerMessage.CustomerId => Id;

    // The passwords must never reach a log through the record's generated ToString.
    public override string ToString() => $"{nameof(ChangeCustomerPasswordCommand)} {{ }}";
}

/// <summary>Whose password changed; the envelope answers only <c>{"ok": true}</c>.</summary>
public sealed record PasswordChanged(string CustomerId);

public sealed class ChangeCustomerPasswordCommandHandler(
    ICustomerRepository customers,
    IPasswordResetTokenRepository resetTokens,
    IUnitOfWork unitOfWork,
    IPasswordHasher passwordHasher,
    ThrottledPasswordCheck passwordCheck,
    TimeProvider clock)
    : ICommandHandler<ChangeCustomerPasswordCommand, Result<PasswordChanged>>
{
    public async ValueTask<Result<PasswordChanged>> Handle(ChangeCustomerPasswordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);

        // From the database: a failed check writes nothing, and must not be judged on a saved copy.
        var customer = await customers.GetStoredAsync(command.Id, cancellationToken);
        if (customer is null)
        {
            return CustomerErrors.NotFound(command.Id);
        }

        var check = await passwordCheck.CheckAsync(
            customer.NormalizedEmail, customer.PasswordHash, command.Password ?? string.Empty, acceptable: true, cancellationToken);
        if (!check.IsSuccess)
        {
            return check.Error;
        }

        customer.ChangePassword(await passwordHasher.HashAsync(command.NewPassword ?? string.Empty, cancellationToken), clock.GetUtcNow().UtcDateTime);
        if (await resetTokens.FindForCustomerAsync(customer.Id, cancellationToken) is { } outstanding)
        {
            resetTokens.Remove(outstanding);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new PasswordChanged(customer.Id);
    }
}
