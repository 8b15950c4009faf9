using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class AuthenticationTests(DatabaseKind database) : HttpFixture(database)
{
    private const string InvalidToken = """{"ok":false,"error":"invalid_token"}""";

    private ApiClient _anonymous = null!;

    /// <summary>Authorization header values the service must refuse; null sends no header at all.</summary>
    public static IEnumerable<TestCaseData> RefusedCredentials()
    {
        yield return Case("no token", _ => null);
        yield return Case("empty bearer", _ => "Bearer ");
        yield return Case("malformed token", _ => "Bearer not-a-jwt");
        yield return Case("three garbage segments", _ => "Bearer aaaa.bbbb.cccc");
        yield return Case("token without scheme", tokens => tokens.Valid());
        yield return Case("basic credentials", _ => "Basic dXNlcjpwYXNzd29yZA==");
        yield return Case("expired", tokens => "Bearer " + tokens.Expired());
        yield return Case("signed with another key", tokens => "Bearer " + tokens.SignedWithAnotherKey());
        yield return Case("wrong audience", tokens => "Bearer " + tokens.ForAnotherAudience());
        yield return Case("wrong issuer", tokens => "Bearer " + tokens.FromAnotherIssuer());
        yield return Case("alg none", tokens => "Bearer " + tokens.WithoutSignature());
        yield return Case("valid token with its signature stripped", tokens => "Bearer " + StripSignature(tokens.Valid()));
        yield return Case("valid token with a tampered payload", tokens => "Bearer " + TamperPayload(tokens.Valid()));

        static TestCaseData Case(string name, Func<TestTokens, string?> header) =>
            new TestCaseData(header).SetArgDisplayNames(name);
    }

    [OneTimeSetUp]
    public void CreateAnonymousClient() => _anonymous = new ApiClient(Factory.CreateClient(), token: null);

    [OneTimeTearDown]
    public void DisposeAnonymousClient() => _anonymous?.Dispose();

    [TestCaseSource(nameof(RefusedCredentials))]
    public async Task CreateIsRefusedAndStoresNothing(Func<TestTokens, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var body = CustomerRequests.Create();
        var email = body["email"]!.GetValue<string>();

        var response = await Send("customer.create", body, header(Factory.Tokens));

        EnvelopeAssert.IsExactly(response, HttpStatusCode.Unauthorized, InvalidToken);
        Assert.That(await Factory.CountWithEmailAsync(email), Is.Zero);
    }

    [TestCaseSource(nameof(RefusedCredentials))]
    public async Task UpdateIsRefusedAndChangesNothing(Func<TestTokens, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var id = (await CreateAsync())["id"]!.GetValue<string>();
        var before = await Factory.GetStoredAsync(id);

        var response = await Send("customer.update", new JsonObject
        {
            ["id"] = id,
            ["firstName"] = "Mallory",
            ["email"] = CustomerRequests.UniqueEmail("mallory"),
            ["tags"] = new JsonArray(),
            ["status"] = "INACTIVE",
        }, header(Factory.Tokens));

        EnvelopeAssert.IsExactly(response, HttpStatusCode.Unauthorized, InvalidToken);
        Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before));
    }

    [TestCaseSource(nameof(RefusedCredentials))]
    public async Task InfoIsRefused(Func<TestTokens, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var id = (await CreateAsync())["id"]!.GetValue<string>();

        var response = await Send("customer.info", new JsonObject { ["id"] = id }, header(Factory.Tokens));

        EnvelopeAssert.IsExactly(response, HttpStatusCode.Unauthorized, InvalidToken);
        Assert.That(response.Text, Does.Not.Contain(id), "nothing about the customer leaks");
    }

    [Test]
    public async Task AuthenticationComesBeforeBodyChecks()
    {
        var response = await _anonymous.PostRawAsync("customer.update", "{not json");

        EnvelopeAssert.IsExactly(response, HttpStatusCode.Unauthorized, InvalidToken);
    }

    [Test]
    public async Task AValidTokenIsAccepted()
    {
        var response = await Send("customer.create", CustomerRequests.Create(), "Bearer " + Factory.Tokens.Valid("someone-else"));

        EnvelopeAssert.IsCustomer(response);
    }

    private Task<ApiResponse> Send(string method, JsonObject body, string? authorization) =>
        _anonymous.SendAsync(
            method,
            new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            configure: request =>
            {
                if (authorization is not null)
                {
                    request.Headers.TryAddWithoutValidation("Authorization", authorization);
                }
            });

    private static string StripSignature(string token) => token[..(token.LastIndexOf('.') + 1)];

    /// <summary>The same token with one more claim in its payload, keeping the original signature.</summary>
    private static string TamperPayload(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["role"] = "admin";
        parts[1] = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return string.Join('.', parts);
    }
}
