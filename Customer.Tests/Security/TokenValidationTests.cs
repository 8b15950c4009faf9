using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CustomerService.Tests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerService.Tests.Security;

/// <summary>
/// Token attacks beyond the refusals in <see cref="Integration.AuthenticationTests"/> (which already
/// covers <c>alg: none</c>, stripped signatures, tampered payloads, expiry, issuer and audience).
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class TokenValidationTests(DatabaseKind database) : DatabaseFixture(database)
{
    private const string InvalidToken = """{"ok":false,"error":"invalid_token"}""";

    private CustomerApiFactory _factory = null!;
    private RSA _rsa = null!;
    private WebApplicationFactory<Program> _rsaService = null!;

    [OneTimeSetUp]
    public void StartServices()
    {
        _factory = NewFactory();
        _rsa = RSA.Create(2048);
        var publicKey = new RsaSecurityKey(RSA.Create(_rsa.ExportParameters(includePrivateParameters: false))) { KeyId = "rsa-1" };

        // The same service, trusting only an RSA public key, as it would behind an OIDC issuer.
        _rsaService = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                options.TokenValidationParameters.IssuerSigningKey = null;
                options.TokenValidationParameters.IssuerSigningKeys = [publicKey];
            })));
    }

    [OneTimeTearDown]
    public void StopServices()
    {
        _rsaService?.Dispose();
        _factory?.Dispose();
        _rsa?.Dispose();
    }

    [Test]
    public async Task AnRs256TokenFromTheTrustedKeyIsAccepted()
    {
        var token = Sign(new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha256));

        var response = await CallInfo(_rsaService, token);

        // Authenticated and authorized: the customer simply does not exist.
        EnvelopeAssert.IsError(response, HttpStatusCode.NotFound, "customer_not_found");
    }

    /// <summary>The classic confusion: HS256 with the (public) RSA key's bytes as the HMAC secret.</summary>
    [TestCaseSource(nameof(PublicKeyEncodings))]
    public async Task AnHs256TokenKeyedWithTheRsaPublicKeyIsRejected(string encoding)
    {
        var secret = PublicKeyBytes(encoding);
        var token = Sign(new SigningCredentials(new SymmetricSecurityKey(secret) { KeyId = "rsa-1" }, SecurityAlgorithms.HmacSha256));

        var response = await CallInfo(_rsaService, token);

        EnvelopeAssert.IsExactly(response, HttpStatusCode.Unauthorized, InvalidToken);
    }

    [Test]
    public async Task ATokenNotYetValidBeyondTheClockSkewIsRejected()
    {
        var token = _factory.Tokens.NotValidBefore(DateTime.UtcNow.AddMinutes(2));

        var response = await CallInfo(_factory, token);

        EnvelopeAssert.IsExactly(response, HttpStatusCode.Unauthorized, InvalidToken);
    }

    [Test]
    public async Task ATokenNotYetValidWithinTheClockSkewIsAccepted()
    {
        var token = _factory.Tokens.NotValidBefore(DateTime.UtcNow.AddSeconds(5));

        var response = await CallInfo(_factory, token);

        EnvelopeAssert.IsError(response, HttpStatusCode.NotFound, "customer_not_found");
    }

    public static IEnumerable<string> PublicKeyEncodings() => ["pem", "der", "modulus"];

    private byte[] PublicKeyBytes(string encoding) => encoding switch
    {
        "pem" => Encoding.ASCII.GetBytes(_rsa.ExportSubjectPublicKeyInfoPem()),
        "der" => _rsa.ExportSubjectPublicKeyInfo(),
        "modulus" => _rsa.ExportParameters(includePrivateParameters: false).Modulus!,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    private static string Sign(SigningCredentials credentials) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", "attacker")]),
        Claims = new Dictionary<string, object> { ["scope"] = $"{TestTokens.ReadScope} {TestTokens.WriteScope}" },
        Issuer = TestTokens.Issuer,
        Audience = TestTokens.Audience,
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = credentials,
    });

    private static async Task<ApiResponse> CallInfo(WebApplicationFactory<Program> service, string token)
    {
        using var client = new ApiClient(service.CreateClient(), token);
        return await client.PostAsync("customer.info", new System.Text.Json.Nodes.JsonObject { ["id"] = "NoSuchCustomer01" });
    }
}
