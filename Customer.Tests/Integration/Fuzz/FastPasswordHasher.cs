using System.Security.Cryptography;
using System.Text;
using CustomerService.Application.Common.Security;

namespace CustomerService.Tests.Integration.Fuzz;

/// <summary>
/// A password hasher for the fuzz fixture only. The real one is deliberately slow (~100 ms a hash, so
/// that guessing is expensive); thousands of generated customer.create and customer.checkCredentials
/// bodies pass validation and would spend minutes hashing, which tests nothing the fuzzer is about
/// (the shape of the HTTP answers and the integrity of stored data). The real hasher keeps its own tests.
/// </summary>
public sealed class FastPasswordHasher : IPasswordHasher
{
    private const string Prefix = "fuzz-sha256$";

    public string UnknownUserHash { get; } = Prefix + Digest(Guid.NewGuid().ToString("N"));

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) => ValueTask.FromResult(Hash(password));

    public ValueTask<PasswordCheck> VerifyAsync(string passwordHash, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passwordHash);
        return ValueTask.FromResult(CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(passwordHash), Encoding.UTF8.GetBytes(Hash(password)))
            ? PasswordCheck.Succeeded
            : PasswordCheck.Failed);
    }

    private static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Prefix + Digest(password);
    }

    private static string Digest(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
