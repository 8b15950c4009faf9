using System.Net;
using System.Text;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Security;

/// <summary>Browsers may call from the configured origins only; preflights are answered before authentication.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class CorsTests(DatabaseKind database) : DatabaseFixture(database)
{
    private const string Allowed = "https://shop.example.com";
    private const string AlsoAllowed = "http://localhost:5173";
    private const string Path = ApiClient.MethodsPath + "customer.create";

    [Test]
    public async Task APreflightFromAnAllowedOriginSucceedsWithTheRightHeaders()
    {
        using var factory = WithOrigins(Allowed, AlsoAllowed);
        using var http = factory.CreateClient();

        using var response = await http.SendAsync(Preflight(Allowed));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(Allowed));
        Assert.That(Header(response, "Access-Control-Allow-Methods")!.Split(',').Select(m => m.Trim()), Does.Contain("POST"));
        Assert.That(
            Header(response, "Access-Control-Allow-Headers")!.Split(',').Select(h => h.Trim().ToLowerInvariant()),
            Is.SupersetOf(new[] { "authorization", "content-type" }));
        Assert.That(Header(response, "Access-Control-Allow-Credentials"), Is.Null, "bearer tokens, not cookies");
        Assert.That(Header(response, "Vary"), Does.Contain("Origin"));
    }

    [Test]
    public async Task APreflightFromAnotherOriginGetsNoCorsHeaders()
    {
        using var factory = WithOrigins(Allowed);
        using var http = factory.CreateClient();

        using var response = await http.SendAsync(Preflight("https://evil.example.net"));

        Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.Unauthorized));
        AssertNoCorsHeaders(response);
    }

    [Test]
    public async Task WithoutConfigurationNoOriginIsAllowed()
    {
        using var factory = NewFactory();
        using var http = factory.CreateClient();

        foreach (var origin in new[] { Allowed, AlsoAllowed, "null" })
        {
            using var response = await http.SendAsync(Preflight(origin));
            AssertNoCorsHeaders(response);
        }
    }

    [Test]
    public async Task TheActualCallFromAnAllowedOriginMayBeReadByTheBrowser()
    {
        using var factory = WithOrigins(Allowed);
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new StringContent(CustomerRequests.Create().ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", Allowed);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", factory.Tokens.Valid());

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(Allowed));
        Assert.That(Header(response, "Access-Control-Expose-Headers"), Does.Contain("x-request-id"));
    }

    [Test]
    public async Task AnActualCallFromAnotherOriginGetsNoCorsHeaders()
    {
        using var factory = WithOrigins(Allowed);
        using var client = new ApiClient(factory.CreateClient(), factory.Tokens.Valid());
        HttpResponseMessage? captured = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new StringContent(CustomerRequests.Create().ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://evil.example.net");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", factory.Tokens.Valid());

        captured = await client.Http.SendAsync(request);

        using (captured)
        {
            AssertNoCorsHeaders(captured);
        }
    }

    private CustomerApiFactory WithOrigins(params string[] origins) =>
        NewFactory(origins.Select((origin, i) => (Key: $"Cors:AllowedOrigins:{i}", Value: origin)).ToDictionary(p => p.Key, p => p.Value));

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, Path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    private static void AssertNoCorsHeaders(HttpResponseMessage response)
    {
        var cors = response.Headers.Select(h => h.Key).Where(k => k.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.That(cors, Is.Empty);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
