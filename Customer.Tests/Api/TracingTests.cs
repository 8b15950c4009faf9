using System.Diagnostics;
using System.Text.Json.Nodes;
using CustomerService.Api.Telemetry;
using CustomerService.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CustomerService.Tests.Api;

/// <summary>Traces: a request's server span, the command's span and its database spans, one linked tree.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class TracingTests(DatabaseKind database) : DatabaseFixture(database)
{
    [Test]
    public async Task AnUpdateIsAServerSpanWithDatabaseSpansBeneathItInTheSameTrace()
    {
        var spans = new List<Activity>();
        using var factory = NewFactory();
        var service = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddServiceTelemetry(tracing => tracing.AddInMemoryExporter(spans))));
        using var client = new ApiClient(service.CreateClient(), factory.Tokens.Valid());
        var id = await client.CreateCustomerAsync();

        // EF Core caches "is anyone listening" for about a second, and test hosts share its internal
        // services: the first commands after the tracer starts may go unobserved. Send updates until one
        // trace holds database spans (a few seconds at most), then check that trace's shape.
        var traceId = default(ActivityTraceId);
        var callerSpan = default(ActivitySpanId);
        IReadOnlyList<Activity> trace = [];
        for (var attempt = 0; attempt < 25 && !trace.Any(IsDatabaseSpan); attempt++)
        {
            // The caller's trace context: every span of this request belongs to this trace, whatever else runs.
            traceId = ActivityTraceId.CreateRandom();
            callerSpan = ActivitySpanId.CreateRandom();
            var (trId, spId) = (traceId, callerSpan);
            var response = await client.SendAsync(
                "customer.update",
                new StringContent(new JsonObject { ["id"] = id, ["firstName"] = $"Traced{attempt}" }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
                configure: request => request.Headers.Add("traceparent", $"00-{trId}-{spId}-01"));
            Assert.That(response.Ok, Is.True, response.Text);
            trace = await WaitForServerSpanAsync(spans, traceId);
            if (!trace.Any(IsDatabaseSpan))
            {
                await Task.Delay(200);
            }
        }

        var server = trace.Single(s => s.Kind == ActivityKind.Server);
        var database = trace.Where(IsDatabaseSpan).ToList();
        var command = trace.Single(s => s.Source.Name == "CustomerService.Application");

        Assert.That(server.ParentSpanId, Is.EqualTo(callerSpan), "the caller's traceparent is honoured");
        Assert.That(server.DisplayName, Does.Contain("customer.update"));
        Assert.That(database, Is.Not.Empty, "EF Core's commands are traced: " + string.Join(", ", trace.Select(s => $"{s.Source.Name}/{s.DisplayName}/{s.Kind}")));
        Assert.That(database.Select(s => s.Kind), Has.All.EqualTo(ActivityKind.Client));
        Assert.That(command.DisplayName, Is.EqualTo("UpdateCustomerCommand"));
        Assert.That(command.GetTagItem("customer.id"), Is.EqualTo(id));
        foreach (var span in database)
        {
            Assert.That(Ancestors(span, trace), Does.Contain(command).And.Contain(server), span.DisplayName);
        }
    }

    // Checked on the registrations: the switch is visible there, and no provider needs building (its
    // instrumentation listens process-wide, so a provider here would also observe other tests' requests).
    [Test]
    public void WithoutAnOtlpEndpointNothingIsRegistered()
    {
        var services = new ServiceCollection().AddServiceTelemetry(Configuration(endpoint: null));

        Assert.That(services, Is.Empty);
    }

    [Test]
    public void AnOtlpEndpointSwitchesTracesAndMetricsOn()
    {
        var services = new ServiceCollection().AddServiceTelemetry(Configuration(endpoint: "http://127.0.0.1:4317"));

        Assert.That(services.Select(s => s.ServiceType), Does.Contain(typeof(TracerProvider)).And.Contain(typeof(MeterProvider)));
    }

    private static IConfiguration Configuration(string? endpoint) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TelemetrySetup.OtlpEndpointKey] = endpoint }).Build();

    private static bool IsDatabaseSpan(Activity span) =>
        span.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal);

    private static List<Activity> Ancestors(Activity span, IReadOnlyList<Activity> trace)
    {
        var chain = new List<Activity>();
        for (var parent = trace.FirstOrDefault(s => s.SpanId == span.ParentSpanId);
             parent is not null;
             parent = trace.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
        {
            chain.Add(parent);
        }

        return chain;
    }

    // The server span ends as the response completes, which can be just after the client has it.
    private static async Task<IReadOnlyList<Activity>> WaitForServerSpanAsync(List<Activity> spans, ActivityTraceId traceId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            List<Activity> trace;
            lock (spans)
            {
                trace = spans.Where(s => s.TraceId == traceId).ToList();
            }

            if (trace.Any(s => s.Kind == ActivityKind.Server))
            {
                return trace;
            }

            await Task.Delay(20);
        }

        throw new AssertionException($"No server span in trace {traceId}.");
    }
}
