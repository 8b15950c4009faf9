using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerService.Tests.Support;

/// <summary>Really signed JWTs for the test server, and the configuration that makes it trust them.</summary>
public sealed class TestTokens
{
    public const string Issuer = "customer-tests";
    public const string Audience = "customer-service";

    private readonly JsonWebTokenHandler _handler = new();

    public TestTokens()
    {
        SigningKeyBase64 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    }

    public string SigningKeyBase64 { get; }

    /// <summary>Settings for <c>Authentication:Schemes:Bearer</c>, in the shape <c>dotnet user-jwts</c> writes.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = SigningKeyBase64,
    };

    public string Valid(string subject = "test-user") => Create(subject, SigningKeyBase64, Issuer, Audience, DateTime.UtcNow.AddMinutes(10));

    public string Expired() => Create("test-user", SigningKeyBase64, Issuer, Audience, DateTime.UtcNow.AddMinutes(-10));

    public string SignedWithAnotherKey() =>
        Create("test-user", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Issuer, Audience, DateTime.UtcNow.AddMinutes(10));

    public string ForAnotherAudience() => Create("test-user", SigningKeyBase64, Issuer, "someone-else", DateTime.UtcNow.AddMinutes(10));

    public string FromAnotherIssuer() => Create("test-user", SigningKeyBase64, "not-trusted", Audience, DateTime.UtcNow.AddMinutes(10));

    /// <summary>A token with <c>alg: none</c>: well formed, claims right, no signature.</summary>
    public string WithoutSignature()
    {
        var descriptor = Descriptor("test-user", Issuer, Audience, DateTime.UtcNow.AddMinutes(10));
        return _handler.CreateToken(descriptor);
    }

    private string Create(string subject, string keyBase64, string issuer, string audience, DateTime expires)
    {
        var descriptor = Descriptor(subject, issuer, audience, expires);
        descriptor.SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(Convert.FromBase64String(keyBase64)), SecurityAlgorithms.HmacSha256);
        return _handler.CreateToken(descriptor);
    }

    private static SecurityTokenDescriptor Descriptor(string subject, string issuer, string audience, DateTime expires) => new()
    {
        Subject = new ClaimsIdentity([new Claim("sub", subject)]),
        Issuer = issuer,
        Audience = audience,
        NotBefore = expires.AddMinutes(-20),
        IssuedAt = expires.AddMinutes(-20),
        Expires = expires,
    };
}
