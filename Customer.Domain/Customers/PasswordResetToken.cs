namespace CustomerService.Domain.Customers;

/// <summary>
/// The one outstanding password-reset token of a customer, known only by its hash. Issuing another
/// replaces it; a password change or a reset removes it; so a token is either live or gone.
/// </summary>
public sealed class PasswordResetToken
{
    // For EF Core materialization.
    private PasswordResetToken()
    {
        CustomerId = string.Empty;
        TokenHash = string.Empty;
    }

    public string CustomerId { get; private set; }

    /// <summary>The SHA-256 of the token, hex; the token itself is never stored.</summary>
    public string TokenHash { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public static PasswordResetToken Issue(string customerId, string tokenHash, DateTime expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        return new PasswordResetToken { CustomerId = customerId, TokenHash = tokenHash, ExpiresAt = expiresAt };
    }

    /// <summary>Makes this the customer's token in place of the one it was: the old one stops working.</summary>
    public void Replace(string tokenHash, DateTime expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        TokenHash = tokenHash;
        ExpiresAt = expiresAt;
    }

    public bool IsLiveAt(DateTime now) => now < ExpiresAt;
}
