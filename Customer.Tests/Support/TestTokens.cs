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

    public const string ReadScope = "customers.read";
    public const string WriteScope = "customers.write";

    /// <summary>A valid token granting both scopes, in the <c>scope</c> claim as a space-separated string.</summary>
    public string Valid(string subject = "test-user") =>
        Create(subject, SigningKeyBase64, Issuer, Audience, DateTime.UtcNow.AddMinutes(10), ScopeClaim("scope", $"{ReadScope} {WriteScope}", 2));

    /// <summary>A valid token whose <c>scope</c> claim is exactly these names, space-separated; none leaves the claim out.</summary>
    public string WithScopes(params string[] scopes) =>
        Create("test-user", SigningKeyBase64, Issuer, Audience, DateTime.UtcNow.AddMinutes(10), ScopeClaim("scope", string.Join(' ', scopes), scopes.Length));

    /// <summary>A valid token with the scopes in an <c>scp</c> array (the form some identity providers use).</summary>
    public string WithScpArray(params string[] scopes) =>
        Create("test-user", SigningKeyBase64, Issuer, Audience, DateTime.UtcNow.AddMinutes(10), ScopeClaim("scp", scopes, scopes.Length));

    /// <summary>A valid token with the scopes in a <c>scope</c> array, the shape <c>dotnet user-jwts create --scope</c> writes.</summary>
    public string WithScopeArray(params string[] scopes) =>
        Create("test-user", SigningKeyBase64, Issuer, Audience, DateTime.UtcNow.AddMinutes(10), ScopeClaim("scope", scopes, scopes.Length));

    /// <summary>A token, correctly signed, that becomes valid only at <paramref name="notBefore"/>.</summary>
    public string NotValidBefore(DateTime notBefore)
    {
        var descriptor = Descriptor("test-user", Issuer, Audience, notBefore.AddMinutes(10), ScopeClaim("scope", $"{ReadScope} {WriteScope}", 2));
        descriptor.NotBefore = notBefore;
        descriptor.IssuedAt = DateTime.UtcNow;
        return Sign(descriptor, SigningKeyBase64);
    }

    /// <summary>A token granting both scopes, signed with the given key, for another service's issuer and audience (say, user-jwts').</summary>
    public static string SignedWith(string keyBase64, string issuer, string audience) =>
        new TestTokens().Sign(
            Descriptor("test-user", issuer, audience, DateTime.UtcNow.AddMinutes(10), ScopeClaim("scope", $"{ReadScope} {WriteScope}", 2)),
            keyBase64);

    public string Expired() => Create("test-user", SigningKeyBase64, Issuer, Audience, DateTime.UtcNow.AddMinutes(-10));

    public string SignedWithAnotherKey() =>
        Create("test-user", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Issuer, Audience, DateTime.UtcNow.AddMinutes(10));

    /// <summary>A token naming a signing key (<c>kid</c>) the service does not have, signed with that other key.</summary>
    public string WithUnknownKeyId()
    {
        var key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "a-key-nobody-configured" };
        var descriptor = Descriptor("test-user", Issuer, Audience, DateTime.UtcNow.AddMinutes(10));
        descriptor.SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        return _handler.CreateToken(descriptor);
    }

    public string ForAnotherAudience() => Create("test-user", SigningKeyBase64, Issuer, "someone-else", DateTime.UtcNow.AddMinutes(10));

    public string FromAnotherIssuer() => Create("test-user", SigningKeyBase64, "not-trusted", Audience, DateTime.UtcNow.AddMinutes(10));

    /// <summary>A token with <c>alg: none</c>: well formed, claims right, no signature.</summary>
    public string WithoutSignature()
    {
        var descriptor = Descriptor("test-user", Issuer, Audience, DateTime.UtcNow.AddMinutes(10));
        return _handler.CreateToken(descriptor);
    }

    private static Dictionary<string, object>? ScopeClaim(string type, object value, int count) =>
        count == 0 ? null : new Dictionary<string, object> { [type] = value };

    private string Create(string subject, string keyBase64, string issuer, string audience, DateTime expires, IDictionary<string, object>? claims = null) =>
        Sign(Descriptor(subject, issuer, audience, expires, claims), keyBase64);

    private string Sign(SecurityTokenDescriptor descriptor, string keyBase64)
    {
        descriptor.SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(Convert.FromBase64String(keyBase64)), SecurityAlgorithms.HmacSha256);
        return _handler.CreateToken(descriptor);
    }

    private static SecurityTokenDescriptor Descriptor(string subject, string issuer, string audience, DateTime expires, IDictionary<string, object>? claims = null) => new()
    {
        Subject = new ClaimsIdentity([new Claim("sub", subject)]),
        Claims = claims,
        Issuer = issuer,
        Audience = audience,
        NotBefore = expires.AddMinutes(-20),
        IssuedAt = expires.AddMinutes(-20),
        Expires = expires,
    };
}
