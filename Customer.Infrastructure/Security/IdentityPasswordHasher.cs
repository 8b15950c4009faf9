using System.Security.Cryptography;
using CustomerService.Application.Common.Security;
using CustomerService.Domain.Customers;
using Microsoft.AspNetCore.Identity;

namespace CustomerService.Infrastructure.Security;

/// <summary>
/// ASP.NET Core Identity's hasher (PBKDF2 with HMAC-SHA512, random salt, iteration count in the
/// hash so it can be raised later without breaking stored hashes). It computes on the calling thread;
/// <see cref="BoundedPasswordHasher"/> decides how many may do so at once.
/// </summary>
internal sealed class IdentityPasswordHasher : IPasswordHasher
{
    private readonly PasswordHasher<Customer> _hasher = new();
    private readonly Lazy<string> _unknownUserHash;

    public IdentityPasswordHasher()
    {
        _unknownUserHash = new Lazy<string>(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
    }

    public string UnknownUserHash => _unknownUserHash.Value;

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) => ValueTask.FromResult(Hash(password));

    public ValueTask<PasswordCheck> VerifyAsync(string passwordHash, string password, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_hasher.VerifyHashedPassword(null!, passwordHash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Succeeded,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SucceededNeedsRehash,
            _ => PasswordCheck.Failed,
        });

    // The default hasher ignores the user argument; the null is never read.
    private string Hash(string password) => _hasher.HashPassword(null!, password);
}
