namespace CustomerService.Application.Common.Security;

public enum PasswordCheck
{
    Failed,
    Succeeded,

    /// <summary>The password is right but the hash was made with outdated parameters: store a new one.</summary>
    SucceededNeedsRehash,
}

/// <summary>Turns a password into a salted, deliberately slow hash; the password itself is never stored.</summary>
public interface IPasswordHasher
{
    /// <summary>
    /// A valid hash of a password nobody knows. Checking against it when an email is unknown costs the
    /// same time as a real check, so response times do not reveal which emails exist.
    /// </summary>
    string UnknownUserHash { get; }

    string Hash(string password);

    PasswordCheck Verify(string passwordHash, string password);
}
