using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CustomerService.Tests.Api;

/// <summary>Every event written while a command runs names the command and its customer, and nothing personal.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class CommandLogScopeTests(DatabaseKind database) : DatabaseFixture(database)
{
    private static readonly Dictionary<string, string> DatabaseCommandsLogged = new()
    {
        ["Serilog:MinimumLevel:Default"] = "Information",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Information",
    };

    private CustomerApiFactory _factory = null!;
    private CapturingLogSink _sink = null!;
    private ApiClient _client = null!;

    [SetUp]
    public void StartService()
    {
        _sink = new CapturingLogSink();
        _factory = NewFactory(DatabaseCommandsLogged);
        var service = _factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(_sink)));
        _client = new ApiClient(service.CreateClient(), _factory.Tokens.Valid());
    }

    [TearDown]
    public void StopService()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task TheDatabaseEventsOfAnUpdateCarryCommandAndCustomerIdButNoEmailOrName()
    {
        var id = await _client.CreateCustomerAsync();
        var newEmail = CustomerRequests.UniqueEmail("scope.check");
        var newName = $"Zebedee{Guid.NewGuid():N}";

        var response = await _client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["email"] = newEmail, ["firstName"] = newName });
        Assert.That(response.Ok, Is.True, response.Text);

        var scoped = _sink.Events.Where(e => Text(e, "Command") == "UpdateCustomerCommand").ToList();
        var databaseCommands = scoped.Where(e => Text(e, "SourceContext") == "Microsoft.EntityFrameworkCore.Database.Command").ToList();
        Assert.That(databaseCommands, Is.Not.Empty, "EF Core's command events are written inside the command's scope");
        Assert.That(databaseCommands.Any(e => e.MessageTemplate.Text.Contains("UPDATE", StringComparison.OrdinalIgnoreCase)
            || CapturingLogSink.Render(e).Contains("UPDATE", StringComparison.OrdinalIgnoreCase)), Is.True, "the save is among them");
        Assert.That(scoped.Select(e => Text(e, "CustomerId")), Has.All.EqualTo(id));

        var rendered = string.Join('\n', scoped.Select(CapturingLogSink.Render));
        Assert.That(rendered, Does.Not.Contain("@example.com").And.Not.Contain("%40example.com"), "not even masked: no address enters the scope");
        Assert.That(rendered, Does.Not.Contain(newEmail[..newEmail.IndexOf('@', StringComparison.Ordinal)]));
        Assert.That(rendered, Does.Not.Contain(newName));
        Assert.That(scoped.SelectMany(e => e.Properties.Keys), Has.None.EqualTo("Email").And.None.EqualTo("FirstName"));
    }

    [Test]
    public async Task ACreateIsNamedButHasNoCustomerIdYet()
    {
        await _client.CreateCustomerAsync();

        var scoped = _sink.Events.Where(e => Text(e, "Command") == "CreateCustomerCommand").ToList();
        Assert.That(scoped, Is.Not.Empty);
        Assert.That(scoped.Where(e => e.Properties.ContainsKey("CustomerId")).Select(CapturingLogSink.Render), Is.Empty);
    }

    [Test]
    public async Task EventsOutsideACommandCarryNoCommand()
    {
        await _client.CreateCustomerAsync();
        await Task.Delay(200); // the request summary is written as the response completes

        var summaries = _sink.Events.Where(e => e.Properties.ContainsKey("StatusCode") && e.Properties.ContainsKey("Elapsed")).ToList();
        Assert.That(summaries, Is.Not.Empty);
        Assert.That(summaries.Where(e => e.Properties.ContainsKey("Command")).Select(CapturingLogSink.Render), Is.Empty, "the scope ends with the command");
    }

    private static string? Text(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: var scalar } ? scalar?.ToString() : null;
}
