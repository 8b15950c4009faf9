using CustomerService.Domain.Customers;
using Microsoft.AspNetCore.Identity;

namespace CustomerService.Infrastructure.Security;

/// <summary>
/// ASP.NET Core Identity's hasher (PBKDF2 with HMAC-SHA512, random salt, iteration count in the
/// hash so it can be raised later without breaking stored hashes).
/// </summary>
internal sealed class IdentityPasswordHasher : Application.Common.Security.IPasswordHasher
{
    private readonly PasswordHasher<Customer> _hasher = new();

    // The default hasher ignores the user argument; the null is never read.
    public string Hash(string password) => _hasher.HashPassword(null!, password);
}
