using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Serilog.Core;
using Serilog.Events;

namespace CustomerService.Tests.Security;

/// <summary>
/// Every refused token leaves its reason in the log, at Information, under the request id; the token
/// itself never reaches the log, and the client hears only <c>invalid_token</c>.
/// </summary>
public sealed class TokenRefusalLogTests
{
    private const string InvalidToken = """{"ok":false,"error":"invalid_token"}""";

    private CustomerApiFactory _factory = null!;
    private CapturingLogSink _sink = null!;
    private HttpClient _http = null!;

    public static IEnumerable<TestCaseData> RefusedTokens()
    {
        yield return Case("expired", tokens => tokens.Expired());
        yield return Case("not_yet_valid", tokens => tokens.NotValidBefore(DateTime.UtcNow.AddMinutes(5)));
        yield return Case("bad_signature", tokens => tokens.SignedWithAnotherKey());
        yield return Case("bad_signature", tokens => TamperPayload(tokens.Valid()));
        yield return Case("unknown_key", tokens => tokens.WithUnknownKeyId());
        yield return Case("wrong_issuer", tokens => tokens.FromAnotherIssuer());
        yield return Case("wrong_audience", tokens => tokens.ForAnotherAudience());
        yield return Case("malformed", _ => $"not-a-jwt-{Guid.NewGuid():N}");
        yield return Case("malformed", _ => $"{Guid.NewGuid():N}.{Guid.NewGuid():N}.{Guid.NewGuid():N}");

        static TestCaseData Case(string reason, Func<TestTokens, string> token) =>
            new TestCaseData(reason, token).SetArgDisplayNames(reason);
    }

    [OneTimeSetUp]
    public void StartService()
    {
        _sink = new CapturingLogSink();
        _factory = new CustomerApiFactory(extraSettings: new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Information" });
        _http = _factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(_sink))).CreateClient();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        _http.Dispose();
        _factory.Dispose();
    }

    [TestCaseSource(nameof(RefusedTokens))]
    public async Task TheReasonIsLoggedUnderTheRequestIdWithoutTheToken(string reason, Func<TestTokens, string> createToken)
    {
        ArgumentNullException.ThrowIfNull(createToken);
        var token = createToken(_factory.Tokens);

        var (response, refusal, events) = await SendAsync($"Bearer {token}");

        EnvelopeAssert.IsExactly(response, HttpStatusCode.Unauthorized, InvalidToken);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal.Properties["TokenRefusal"].ToString(), Is.EqualTo($"\"{reason}\""), CapturingLogSink.Render(refusal));
            Assert.That(refusal.Level, Is.EqualTo(LogEventLevel.Information));
            Assert.That(refusal.Exception, Is.Null, "a refused token is the caller's mistake: no stack trace");
            Assert.That(events, Has.None.Matches<string>(e => e.Contains(token, StringComparison.Ordinal)), "the token is never logged");
            Assert.That(events, Has.None.Matches<string>(e => e.Contains(token.Split('.')[^1], StringComparison.Ordinal)), "nor its signature");
        }
    }

    [TestCase(null, "missing")]
    [TestCase("Basic dXNlcjpwYXNzd29yZA==", "not_bearer")]
    [TestCase("Bearer ", "not_bearer")]
    public async Task ARequestWithoutABearerTokenIsLoggedToo(string? authorization, string reason)
    {
        var (response, refusal, _) = await SendAsync(authorization);

        EnvelopeAssert.IsExactly(response, HttpStatusCode.Unauthorized, InvalidToken);
        Assert.That(refusal.Properties["TokenRefusal"].ToString(), Is.EqualTo($"\"{reason}\""));
    }

    [Test]
    public async Task TheDetailNamesAnUntrustedIssuerButNotTheToken()
    {
        var (_, refusal, _) = await SendAsync($"Bearer {_factory.Tokens.FromAnotherIssuer()}");

        Assert.That(refusal.RenderMessage(CultureInfo.InvariantCulture), Does.Contain("issuer 'not-trusted' is not trusted"));
    }

    [Test]
    public async Task AnIssuerWithControlCharactersCannotForgeALogLine()
    {
        var forged = TestTokens.SignedWith(_factory.Tokens.SigningKeyBase64, "evil\r\n[ERR] forged line", TestTokens.Audience);

        var (_, refusal, _) = await SendAsync($"Bearer {forged}");

        var message = refusal.RenderMessage(CultureInfo.InvariantCulture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Not.Contain("\n").And.Not.Contain("\r"));
            Assert.That(message, Does.Contain("issuer 'evil??[ERR] forged line' is not trusted"));
        }
    }

    private async Task<(ApiResponse Response, LogEvent Refusal, IReadOnlyList<string> RequestEvents)> SendAsync(string? authorization)
    {
        var requestId = $"refusal-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiClient.MethodsPath + "customer.info")
        {
            Content = new StringContent("""{"id":"abc"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-request-id", requestId);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var sent = await _http.SendAsync(request);
        var response = new ApiResponse(sent.StatusCode, await sent.Content.ReadAsStringAsync(), requestId);
        var ofRequest = _sink.Events.Where(e => e.Properties.TryGetValue("RequestId", out var id) && id.ToString() == $"\"{requestId}\"").ToList();
        var refusals = ofRequest.Where(e => e.MessageTemplate.Text.StartsWith("Bearer token refused", StringComparison.Ordinal)).ToList();
        Assert.That(refusals, Has.Count.EqualTo(1), "one refusal event, carrying the request id");
        return (response, refusals[0], ofRequest.Select(CapturingLogSink.Render).ToList());
    }

    // A well-formed token whose claims were changed after signing: another subject, the same signature.
    private static string TamperPayload(string token)
    {
        var parts = token.Split('.');
        var claims = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        claims["sub"] = "mallory";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(claims.ToJsonString())}.{parts[2]}";
    }
}
