using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CustomerService.Tests.Api;

/// <summary>What operators see: every event of a request carries its id; secrets never appear.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class LoggingTests(DatabaseKind database) : DatabaseFixture(database)
{
    private static readonly Dictionary<string, string> EverythingLogged = new()
    {
        ["Serilog:MinimumLevel:Default"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Verbose",
    };

    private CustomerApiFactory _factory = null!;
    private CapturingLogSink _sink = null!;

    [SetUp]
    public void StartService()
    {
        _sink = new CapturingLogSink();
        _factory = NewFactory(EverythingLogged);
    }

    [TearDown]
    public void StopService() => _factory.Dispose();

    [Test]
    public async Task EveryEventOfARequestCarriesItsRequestId()
    {
        using var client = CreateClient();
        // Warm-up: model building and migrations log outside any request. The host logs "Request
        // finished" after the client already has the response, so wait for that before counting.
        await client.SendAsync("customer.create", JsonContent(CustomerRequests.Create()),
            configure: request => request.Headers.Add("x-request-id", "warm-up-1"));
        await WaitForEventAsync(e => HasRequestId(e, "warm-up-1") && e.MessageTemplate.Text.StartsWith("Request finished", StringComparison.Ordinal));
        var before = _sink.Events.Count;

        var response = await client.SendAsync(
            "customer.create",
            JsonContent(CustomerRequests.Create()),
            configure: request => request.Headers.Add("x-request-id", "trace-me-42"));
        await WaitForRequestLogAsync("trace-me-42");

        var requestEvents = _sink.Events.Skip(before).ToList();
        Assert.That(response.RequestId, Is.EqualTo("trace-me-42"));
        Assert.That(requestEvents, Has.Count.GreaterThan(3), "verbose logging should produce several events per request");
        Assert.That(
            requestEvents.Where(e => !HasRequestId(e, "trace-me-42")).Select(CapturingLogSink.Render),
            Is.Empty);
    }

    [Test]
    public async Task TheRequestEventNamesMethodPathStatusElapsedAndSubject()
    {
        using var client = CreateClient();

        await client.SendAsync("customer.create", JsonContent(CustomerRequests.Create()),
            configure: request => request.Headers.Add("x-request-id", "summary-1"));
        var summary = await WaitForRequestLogAsync("summary-1");

        Assert.That(summary.Properties.Keys, Is.SupersetOf(new[] { "RequestMethod", "RequestPath", "StatusCode", "Elapsed", "RequestId", "Subject" }));
        Assert.That(summary.Properties["StatusCode"].ToString(), Is.EqualTo("200"));
        Assert.That(summary.Properties["Subject"].ToString(), Is.EqualTo("\"test-user\""));
    }

    [Test]
    public async Task NeitherThePasswordNorItsHashIsEverLogged()
    {
        using var client = CreateClient();
        const string password = "Pa55word-that-must-never-be-logged";
        var body = CustomerRequests.Create();
        body["password"] = password;

        var id = await client.CreateCustomerAsync(body);
        await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["password"] = password });
        var hash = await _factory.WithDatabaseAsync(db => db.Customers.Where(c => c.Id == id).Select(c => c.PasswordHash).SingleAsync());

        var everything = string.Join('\n', _sink.Events.Select(CapturingLogSink.Render));
        Assert.That(everything, Does.Not.Contain(password));
        Assert.That(everything, Does.Not.Contain(hash));
    }

    private ApiClient CreateClient()
    {
        var factory = _factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(_sink)));
        return new ApiClient(factory.CreateClient(), _factory.Tokens.Valid());
    }

    private static StringContent JsonContent(JsonNode body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static bool HasRequestId(LogEvent logEvent, string requestId) =>
        logEvent.Properties.TryGetValue("RequestId", out var value) && value.ToString() == $"\"{requestId}\"";

    // The summary event is written as the response completes, which can be just after the client has it.
    private Task<LogEvent> WaitForRequestLogAsync(string requestId) =>
        WaitForEventAsync(e => HasRequestId(e, requestId) && e.Properties.ContainsKey("StatusCode") && e.Properties.ContainsKey("Elapsed"));

    private async Task<LogEvent> WaitForEventAsync(Func<LogEvent, bool> match)
    {
        for (var attempt = 0; attempt < 250; attempt++)
        {
            if (_sink.Events.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new AssertionException("The expected log event was not written within 5 s.");
    }
}
