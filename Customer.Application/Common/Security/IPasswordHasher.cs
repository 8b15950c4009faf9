namespace CustomerService.Application.Common.Security;

public enum PasswordCheck
{
    Failed,
    Succeeded,

    /// <summary>The password is right but the hash was made with outdated parameters: store a new one.</summary>
    SucceededNeedsRehash,
}

/// <summary>
/// Turns a password into a salted, deliberately slow hash; the password itself is never stored.
/// Asynchronous because the service bounds how many hashes run at once: a call may wait for its turn,
/// and one that cannot get it in time throws <see cref="PasswordHashingUnavailableException"/>.
/// </summary>
public interface IPasswordHasher
{
    /// <summary>
    /// A valid hash of a password nobody knows. Checking against it when an email is unknown costs the
    /// same time as a real check, so response times do not reveal which emails exist.
    /// </summary>
    string UnknownUserHash { get; }

    ValueTask<string> HashAsync(string password, CancellationToken cancellationToken);

    ValueTask<PasswordCheck> VerifyAsync(string passwordHash, string password, CancellationToken cancellationToken);
}
