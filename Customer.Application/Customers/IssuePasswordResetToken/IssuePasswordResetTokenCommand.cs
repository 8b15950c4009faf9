using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Common.Security;
using CustomerService.Domain.Customers;
using Mediator;

namespace CustomerService.Application.Customers.IssuePasswordResetToken;

/// <summary>
/// customer.password.resetToken: a new reset token for the customer holding an email, for a trusted
/// caller that mails it. Only its hash is stored; it replaces any token issued before.
/// </summary>
public sealed record IssuePasswordResetTokenCommand : ICommand<Result<PasswordResetTokenDto>>
{
    public string? Email { get; init; }

    public override string ToString() => $"{nameof(IssuePasswordResetTokenCommand)} {{ }}";
}

/// <summary>The token, answered this once and never again, and when it stops working (UTC).</summary>
public sealed record PasswordResetTokenDto(string Token, DateTime ExpiresAt)
{
    // The token must never reach a log through the record's generated ToString.
    public override string ToString() => $"{nameof(PasswordResetTokenDto)} {{ ExpiresAt = {ExpiresAt:O} }}";
}

public sealed class IssuePasswordResetTokenCommandHandler(
    ICustomerRepository customers,
    IPasswordResetTokenRepository resetTokens,
    IUnitOfWork unitOfWork,
    PasswordResetOptions options,
    TimeProvider clock)
    : ICommandHandler<IssuePasswordResetTokenCommand, Result<PasswordResetTokenDto>>
{
    public async ValueTask<Result<PasswordResetTokenDto>> Handle(IssuePasswordResetTokenCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var email = command.Email ?? string.Empty;
        var customer = await customers.FindByEmailAsync(EmailAddress.Normalize(email), cancellationToken);
        if (customer is null)
        {
            return CustomerErrors.NotFoundByEmail(email);
        }

        var token = PasswordResetTokenCodec.NewToken();
        var tokenHash = PasswordResetTokenCodec.HashOf(token);
        var expiresAt = clock.GetUtcNow().UtcDateTime + options.TokenLifetime;
        if (await resetTokens.FindForCustomerAsync(customer.Id, cancellationToken) is { } older)
        {
            older.Replace(tokenHash, expiresAt);
        }
        else
        {
            resetTokens.Add(PasswordResetToken.Issue(customer.Id, tokenHash, expiresAt));
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new PasswordResetTokenDto(token, expiresAt);
    }
}
