using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api;

/// <summary>The service as a real process: it refuses bad configuration clearly, and serves the seed's URL over Kestrel.</summary>
public sealed class StartupTests
{
    [Test]
    public async Task RefusesToStartOutsideDevelopmentWithoutTokenValidation()
    {
        var (exitCode, standardError) = await ServiceProcess.RunToExitAsync(new Dictionary<string, string>());

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(standardError, Does.Contain("No bearer token validation is configured"));
        Assert.That(standardError, Does.Contain("Authentication:Schemes:Bearer"));
        Assert.That(standardError, Does.Not.Contain("   at "), "a configuration mistake is one clear line, not a stack trace");
    }

    [Test]
    public async Task RefusesToStartOutsideDevelopmentWithoutAnAudience()
    {
        var tokens = new TestTokens();
        var settings = Environment(tokens.Settings.Where(s => !s.Key.Contains("ValidAudiences", StringComparison.Ordinal)));

        var (exitCode, standardError) = await ServiceProcess.RunToExitAsync(settings);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(standardError, Does.Contain("ValidAudiences"));
    }

    [TestCase(16, "is 16 bytes; a signing key needs at least 32")]
    [TestCase(-1, "is not base64")]
    public async Task RefusesAWeakOrMalformedSigningKey(int keyBytes, string expected)
    {
        var settings = Environment(new TestTokens().Settings);
        settings["Authentication__Schemes__Bearer__SigningKeys__0__Value"] =
            keyBytes < 0 ? "not*base64" : Convert.ToBase64String(new byte[keyBytes]);

        var (exitCode, standardError) = await ServiceProcess.RunToExitAsync(settings);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(standardError, Does.Contain("Authentication:Schemes:Bearer:SigningKeys:0:Value " + expected));
        Assert.That(standardError, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task RefusesAnUnknownDatabaseProvider()
    {
        var settings = Environment(new TestTokens().Settings);
        settings["Database__Provider"] = "Oracle";

        var (exitCode, standardError) = await ServiceProcess.RunToExitAsync(settings);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(standardError, Does.Contain("Database:Provider is 'Oracle'"));
    }

    [Test]
    public async Task RefusesSqlServerWithoutAConnectionString()
    {
        var settings = Environment(new TestTokens().Settings);
        settings["Database__Provider"] = "SqlServer";

        var (exitCode, standardError) = await ServiceProcess.RunToExitAsync(settings);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(standardError, Does.Contain("ConnectionStrings:Customers is required"));
    }

    [Test]
    public async Task ServesTheSeedsRouteOverKestrelWithoutABannerAndRefusesOversizedBodies()
    {
        var tokens = new TestTokens();
        var database = Path.Combine(Path.GetTempPath(), $"customer-process-{Guid.NewGuid():N}.db");
        var settings = Environment(tokens.Settings);
        settings["ConnectionStrings__Customers"] = $"Data Source={database}";
        try
        {
            using var service = await ServiceProcess.StartAsync(settings);
            using var client = new ApiClient(new HttpClient { BaseAddress = service.BaseAddress }, tokens.Valid());

            var id = await client.CreateCustomerAsync();
            var update = await client.PostRawAsync("customer.update", $$"""{"id":"{{id}}","firstName":"Johnny"}""");

            // Expect: 100-continue lets the client hear the refusal before it uploads the whole body, as curl does.
            var tooLarge = await client.SendAsync(
                "customer.update",
                new StringContent($$"""{"id":"{{id}}","firstName":"{{new string('x', 70_000)}}"}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
                configure: request => request.Headers.ExpectContinue = true);
            var info = await client.PostRawAsync("customer.info", $$"""{"id":"{{id}}"}""");
            using var raw = await client.Http.GetAsync(new Uri("/health/live", UriKind.Relative));

            Assert.That(update.Status, Is.EqualTo(HttpStatusCode.OK), update.Text);
            Assert.That(update.Customer["firstName"]!.GetValue<string>(), Is.EqualTo("Johnny"));
            Assert.That(tooLarge.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), tooLarge.Text);
            Assert.That(tooLarge.Error, Is.EqualTo("payload_too_large"));
            Assert.That(info.Customer["firstName"]!.GetValue<string>(), Is.EqualTo("Johnny"));
            Assert.That(raw.Headers.Server, Is.Empty, "no server banner");
        }
        finally
        {
            TestDatabase.DeleteSqliteFiles(database);
        }
    }

    // Configuration keys as environment variables, the way a container would set them.
    private static Dictionary<string, string> Environment(IEnumerable<KeyValuePair<string, string>> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
}
