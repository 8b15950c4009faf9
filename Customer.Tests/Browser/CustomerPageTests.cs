using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerService.Tests.Support;
using Microsoft.Playwright;
using Microsoft.Playwright.NUnit;

namespace CustomerService.Tests.Browser;

/// <summary>
/// A real browser (Debian's Chromium, driven by Playwright) on a page served from another origin calls
/// the real service process with fetch and a bearer token: CORS preflight, envelope, error rendering.
/// Skipped, with the reason, when no Chromium is installed.
/// </summary>
[Category("Browser")]
public sealed partial class CustomerPageTests : PlaywrightTest
{
    /// <summary>Where Debian's chromium package puts the browser; CUSTOMER_TESTS_CHROMIUM overrides it.</summary>
    private const string DebianChromium = "/usr/bin/chromium";

    // Flags for a root user on a machine without outside network: no sandbox, no GPU, and none of
    // Chromium's own background connections (they would be refused, many at a time).
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private string _database = null!;

    [SetUp]
    public void CreateDatabasePath() =>
        _database = Path.Combine(Path.GetTempPath(), $"customer-browser-{Guid.NewGuid():N}.db");

    [TearDown]
    public void DeleteDatabase()
    {
        TestDatabase.DeleteSqliteFiles(_database);
    }

    [Test]
    public async Task APageOnAnotherOriginCreatesAndUpdatesACustomerThenRendersTheInvalidEmailError()
    {
        var chromium = Environment.GetEnvironmentVariable("CUSTOMER_TESTS_CHROMIUM") is { Length: > 0 } configured ? configured : DebianChromium;
        if (!File.Exists(chromium))
        {
            Assert.Ignore($"No browser: {chromium} does not exist. Install Debian's Chromium (apt-get install -y chromium), as .ci/run does, to run this test.");
        }

        var tokens = new TestTokens();
        var clock = Stopwatch.StartNew();
        var phases = new List<string>();
        void Phase(string name) => phases.Add($"{clock.ElapsedMilliseconds,6} ms {name}");

        // The service (a cold process: seconds) and the browser start side by side.
        await using var site = await StaticSite.StartAsync(Path.Combine(AppContext.BaseDirectory, "Browser", "wwwroot"));
        var serviceStart = StartWarmServiceAsync(tokens, site);
        var browserLaunch = BrowserType.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 30_000,
        });
        try
        {
            await Task.WhenAll(serviceStart, browserLaunch);
        }
        catch (Exception)
        {
            if (serviceStart.IsCompletedSuccessfully)
            {
                (await serviceStart).Dispose();
            }

            if (browserLaunch.IsCompletedSuccessfully)
            {
                await (await browserLaunch).DisposeAsync();
            }

            throw;
        }

        using var service = await serviceStart;
        await using var browser = await browserLaunch;
        Phase("service started and warmed up, browser launched");
        Assert.That(site.Origin.Port, Is.Not.EqualTo(service.Port), "the page and the service are different origins");

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        var browserLog = new List<string>();
        page.Console += (_, message) => browserLog.Add($"console {message.Type}: {message.Text}");
        page.RequestFailed += (_, request) => browserLog.Add($"request failed: {request.Method} {request.Url} {request.Failure}");

        var config = JsonSerializer.Serialize(new { baseUrl = service.BaseAddress.GetLeftPart(UriPartial.Authority), token = tokens.Valid("browser-user") });
        await page.AddInitScriptAsync($"window.customerService = {config};");

        try
        {
            await page.GotoAsync(new Uri(site.Origin, "/index.html").ToString());
            Phase("page loaded");

            await page.ClickAsync("#create-update");
            await Expect(page.Locator("#customer")).ToHaveTextAsync("Ada Lovelace, version 2");
            await Expect(page.Locator("#status")).ToHaveTextAsync("done");
            await Expect(page.Locator("#error")).ToBeEmptyAsync();
            Phase("created and updated");

            await page.ClickAsync("#bad-email");
            await Expect(page.Locator("#error")).ToHaveTextAsync("Error: customer_invalid_email \u2014 email must contain exactly one '@'");
            Phase("error rendered");
            await Expect(page.Locator("#customer")).ToHaveTextAsync("Ada Lovelace, version 2", new() { Timeout = 1_000 });
        }
        catch (Exception)
        {
            await TestContext.Out.WriteLineAsync($"Phases:{Environment.NewLine}{string.Join(Environment.NewLine, phases)}");
            await TestContext.Out.WriteLineAsync($"Page: {await page.Locator("body").InnerTextAsync()}");
            await TestContext.Out.WriteLineAsync($"Browser: {string.Join(Environment.NewLine, browserLog)}");
            await TestContext.Out.WriteLineAsync($"Service: {service.Output}");
            throw;
        }

        // The authorization header is not CORS-safelisted: the browser must have asked first, once per
        // method URL (a preflight result is cached per URL), and the service answered before authenticating.
        var preflights = await WaitForPreflightsAsync(service, "customer.create", "customer.update");
        Assert.That(preflights["customer.create"], Is.GreaterThanOrEqualTo(1), service.Output);
        Assert.That(preflights["customer.update"], Is.GreaterThanOrEqualTo(1), service.Output);
        await TestContext.Out.WriteLineAsync(string.Join(Environment.NewLine, phases));
    }

    /// <summary>
    /// Starts the service and calls it once without a browser, so that the page's calls find it warm:
    /// a cold process spends seconds on its first create (JIT, EF model, password hashing).
    /// </summary>
    private async Task<ServiceProcess> StartWarmServiceAsync(TestTokens tokens, StaticSite site)
    {
        var service = await ServiceProcess.StartAsync(ServiceSettings(tokens, site.OriginText));
        try
        {
            using var client = new ApiClient(new HttpClient { BaseAddress = service.BaseAddress }, tokens.Valid("warm-up"));
            var id = await client.CreateCustomerAsync();
            await client.PostRawAsync("customer.update", $$"""{"id":"{{id}}","lastName":"Warm"}""");
            await client.PostRawAsync("customer.update", $$"""{"id":"{{id}}","email":"warm.example.com"}""");
            using var page = await client.Http.GetAsync(new Uri(site.Origin, "/index.html"));
            return service;
        }
        catch (Exception)
        {
            service.Dispose();
            throw;
        }
    }

    private Dictionary<string, string> ServiceSettings(TestTokens tokens, string pageOrigin)
    {
        var settings = tokens.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["ConnectionStrings__Customers"] = $"Data Source={_database}";
        settings["Cors__AllowedOrigins__0"] = pageOrigin;
        settings["Serilog__MinimumLevel__Default"] = "Information"; // the request log shows the preflights
        return settings;
    }

    /// <summary>Counts, per method, the OPTIONS requests the service logged as answered 204; waits a little for the log to arrive.</summary>
    private static async Task<Dictionary<string, int>> WaitForPreflightsAsync(ServiceProcess service, params string[] methods)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var counts = methods.ToDictionary(m => m, m => Preflight().Matches(service.Output).Count(match => match.Groups["method"].Value == m));
            if (counts.Values.All(c => c > 0) || DateTime.UtcNow > deadline)
            {
                return counts;
            }

            await Task.Delay(100);
        }
    }

    // The request event as plain text or inside a compact JSON line (where its quotes are escaped).
    [GeneratedRegex(@"HTTP \\?""?OPTIONS\\?""? \\?""?/services/customer/v1/(?<method>[A-Za-z.]+)\\?""? responded 204")]
    private static partial Regex Preflight();
}
