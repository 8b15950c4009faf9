using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Common.Security;
using CustomerService.Application.Customers.CheckCustomerCredentials;
using Mediator;

namespace CustomerService.Application.Customers.ResetCustomerPassword;

/// <summary>
/// customer.password.reset: sets a new password with a reset token. The token is consumed in the same
/// save as the password, and the sign-in throttle of the customer's email is cleared. A token that is
/// unknown, used, superseded or expired is <c>invalid_reset_token</c>, whichever it is.
/// </summary>
public sealed record ResetCustomerPasswordCommand : ICommand<Result<CustomerIdDto>>
{
    public string? Token { get; init; }

    public string? NewPassword { get; init; }

    // The token and the password must never reach a log through the record's generated ToString.
    public override string ToString() => $"{nameof(ResetCustomerPasswordCommand)} {{ }}";
}

public sealed class ResetCustomerPasswordCommandHandler(
    ICustomerRepository customers,
    IPasswordResetTokenRepository resetTokens,
    IUnitOfWork unitOfWork,
    IPasswordHasher passwordHasher,
    ISignInThrottle throttle,
    TimeProvider clock)
    : ICommandHandler<ResetCustomerPasswordCommand, Result<CustomerIdDto>>
{
    public async ValueTask<Result<CustomerIdDto>> Handle(ResetCustomerPasswordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await resetTokens.FindByHashAsync(PasswordResetTokenCodec.HashOf(command.Token ?? string.Empty), cancellationToken);
        if (token is null || !token.IsLiveAt(now))
        {
            return CustomerErrors.InvalidResetToken();
        }

        // The token row goes with the customer's row (cascade), so a token always has its customer;
        // a removal racing this request is answered as if the token had gone first.
        var customer = await customers.GetAsync(token.CustomerId, cancellationToken);
        if (customer is null)
        {
            return CustomerErrors.InvalidResetToken();
        }

        customer.ChangePassword(await passwordHasher.HashAsync(command.NewPassword ?? string.Empty, cancellationToken), now);
        resetTokens.Remove(token);

        // One save: the token is consumed if and only if the new password is stored.
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await throttle.ClearAsync(customer.NormalizedEmail, cancellationToken);
        return new CustomerIdDto(customer.Id);
    }
}
