using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers;

/// <summary>Loads and stores reset tokens (by hash only); saving happens through the unit of work, with the customer's change.</summary>
public interface IPasswordResetTokenRepository
{
    /// <summary>The token with this hash, tracked for changes; null when none has it (unknown, used or superseded).</summary>
    Task<PasswordResetToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>The customer's outstanding token, tracked for changes; null when it has none.</summary>
    Task<PasswordResetToken?> FindForCustomerAsync(string customerId, CancellationToken cancellationToken);

    void Add(PasswordResetToken token);

    void Remove(PasswordResetToken token);
}
