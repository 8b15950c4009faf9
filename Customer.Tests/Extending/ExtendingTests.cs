using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Application.Customers.Events;
using CustomerService.Application.Customers.UpdateCustomer;
using CustomerService.Tests.Support;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Extending;

/// <summary>
/// The worked examples of docs/extending.md, each wired into the real service through a test host
/// exactly as an extender would register it, and exercised over HTTP.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class ExtendingTests(DatabaseKind database) : DatabaseFixture(database)
{
    private CustomerApiFactory _factory = null!;

    [OneTimeSetUp]
    public void StartService() => _factory = NewFactory();

    [OneTimeTearDown]
    public void StopService() => _factory.Dispose();

    // ---- Example 1: an extra validator ----

    [Test]
    public async Task TheExtraValidatorRefusesABlockedEmailDomainAsValidationError()
    {
        using var host = Host(services => services.AddBlockedEmailDomainRule());
        using var client = Client(host);
        var id = await client.CreateCustomerAsync();

        var refused = await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["email"] = $"someone@{BlockedEmailDomainValidator.BlockedDomain}" });
        var allowed = await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["email"] = CustomerRequests.UniqueEmail("allowed") });

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest), refused.Text);
        Assert.That(refused.Error, Is.EqualTo("validation_error"));
        Assert.That(refused.ErrorFields, Is.EqualTo(new[] { "email" }));
        Assert.That(allowed.Status, Is.EqualTo(HttpStatusCode.OK), allowed.Text);
    }

    [Test]
    public async Task TheExtraValidatorRunsAlongsideTheBuiltInOneAndBothProblemsAreReported()
    {
        using var host = Host(services => services.AddBlockedEmailDomainRule());
        using var client = Client(host);
        var id = await client.CreateCustomerAsync();

        var refused = await client.PostAsync("customer.update", new JsonObject
        {
            ["id"] = id,
            ["email"] = $"someone@{BlockedEmailDomainValidator.BlockedDomain}",
            ["firstName"] = new string('x', 101),
        });

        Assert.That(refused.Error, Is.EqualTo("validation_error"), refused.Text);
        Assert.That(refused.ErrorFields, Is.EquivalentTo(new[] { "email", "firstName" }));
    }

    [Test]
    public async Task WithoutTheRegistrationTheBlockedDomainIsAccepted()
    {
        using var client = _factory.CreateApiClient();
        var id = await client.CreateCustomerAsync();

        var response = await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["email"] = $"x{Guid.NewGuid():N}@{BlockedEmailDomainValidator.BlockedDomain}" });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
    }

    // ---- Example 2: an extra pipeline behaviour ----

    [Test]
    public async Task TheAuditBehaviourRunsAfterValidationAroundTheHandlerAndBeforeNotifications()
    {
        var trace = new ExtensionTrace();
        using var host = Host(services => services
            .AddSingleton(trace)
            .AddSingleton<IValidator<UpdateCustomerCommand>>(new TracingValidator(trace))
            .AddAuditBehaviour()
            .AddCustomerUpdatedRecorder(new CustomerUpdatedRecorder(trace)));
        using var client = Client(host);
        var id = await client.CreateCustomerAsync();

        var response = await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["lastName"] = "Audited" });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        Assert.That(trace.Steps, Is.EqualTo(new[]
        {
            "audit CreateCustomerCommand", "audited CreateCustomerCommand",
            "validate UpdateCustomerCommand", "audit UpdateCustomerCommand", "audited UpdateCustomerCommand", "notified lastName",
        }));
    }

    [Test]
    public async Task ACommandRefusedByValidationNeverReachesTheAuditBehaviour()
    {
        var trace = new ExtensionTrace();
        using var host = Host(services => services.AddSingleton(trace).AddAuditBehaviour());
        using var client = Client(host);
        var id = await client.CreateCustomerAsync();

        var refused = await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "" });

        Assert.That(refused.Error, Is.EqualTo("validation_error"), refused.Text);
        Assert.That(trace.Steps, Has.None.Contains("UpdateCustomerCommand"));
    }

    [Test]
    public async Task TheAuditBehaviourRunsInsideTheUnitOfWorkSoARetriedConflictPassesItTwice()
    {
        var trace = new ExtensionTrace();
        var budget = new InterferingUnitOfWork.Budget();
        using var client0 = _factory.CreateApiClient();
        var id = await client0.CreateCustomerAsync();
        using var host = Host(services => services.AddSingleton(trace).AddAuditBehaviour().AddInterferingUnitOfWork(budget));
        using var client = Client(host);

        var response = await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["lastName"] = "Retried" });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        Assert.That(budget.Used, Is.EqualTo(1));
        Assert.That(trace.Steps, Is.EqualTo(new[] { "audit UpdateCustomerCommand", "audit UpdateCustomerCommand", "audited UpdateCustomerCommand" }));
    }

    [Test]
    public async Task TheAuditBehaviourSkipsQueries()
    {
        var trace = new ExtensionTrace();
        using var host = Host(services => services.AddSingleton(trace).AddAuditBehaviour());
        using var client = Client(host);
        var id = await client.CreateCustomerAsync();
        var before = trace.Steps.Count;

        var info = await client.PostAsync("customer.info", new JsonObject { ["id"] = id });

        Assert.That(info.Status, Is.EqualTo(HttpStatusCode.OK), info.Text);
        Assert.That(trace.Steps, Has.Count.EqualTo(before));
    }

    // ---- Example 3: a CustomerUpdated notification handler ----

    [Test]
    public async Task AnUpdateIsAnnouncedOnceWithItsChangedFieldsAndVersions()
    {
        var recorder = new CustomerUpdatedRecorder(new ExtensionTrace());
        using var host = Host(services => services.AddCustomerUpdatedRecorder(recorder));
        using var client = Client(host);
        var id = await client.CreateCustomerAsync();

        var response = await client.PostAsync("customer.update", new JsonObject
        {
            ["id"] = id,
            ["firstName"] = "Jane",
            ["status"] = "INACTIVE",
            ["tags"] = new JsonArray("VIP"),
        });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        var received = recorder.Received.Single();
        Assert.Multiple(() =>
        {
            Assert.That(received.CustomerId, Is.EqualTo(id));
            Assert.That(received.ChangedFields, Is.EqualTo(new[] { "firstName", "status" }), "tags were already [VIP]");
            Assert.That(received.OldVersion, Is.EqualTo(1));
            Assert.That(received.NewVersion, Is.EqualTo(2));
            Assert.That(response.Customer["version"]!.GetValue<int>(), Is.EqualTo(received.NewVersion));
        });
    }

    [Test]
    public async Task AnAddressChangeIsAnnouncedAsAnUpdateOfAddresses()
    {
        var recorder = new CustomerUpdatedRecorder(new ExtensionTrace());
        using var host = Host(services => services.AddCustomerUpdatedRecorder(recorder));
        using var client = Client(host);
        var id = await client.CreateCustomerAsync();

        var response = await client.PostAsync("customer.address.create", new JsonObject { ["customerId"] = id, ["address"] = CustomerRequests.Address() });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        Assert.That(recorder.Received.Select(n => (n.CustomerId, string.Join(',', n.ChangedFields), n.OldVersion, n.NewVersion)),
            Is.EqualTo(new[] { (id, "addresses", 1, 2) }));
    }

    [Test]
    public async Task RefusedAndNoOpUpdatesAnnounceNothing()
    {
        var recorder = new CustomerUpdatedRecorder(new ExtensionTrace());
        using var host = Host(services => services.AddBlockedEmailDomainRule().AddCustomerUpdatedRecorder(recorder));
        using var client = Client(host);
        var id = await client.CreateCustomerAsync();

        var invalid = await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "" });
        var blocked = await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["email"] = $"a@{BlockedEmailDomainValidator.BlockedDomain}" });
        var stale = await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["version"] = 7, ["lastName"] = "Stale" });
        var unknown = await client.PostAsync("customer.update", new JsonObject { ["id"] = "no-such-customer", ["lastName"] = "Nobody" });
        var noOp = await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "John" });

        Assert.That(new[] { invalid.Error, blocked.Error, stale.Error }, Is.EqualTo(new[] { "validation_error", "validation_error", "version_conflict" }));
        Assert.That(unknown.Ok, Is.False, unknown.Text);
        Assert.That(noOp.Status, Is.EqualTo(HttpStatusCode.OK), noOp.Text);
        Assert.That(recorder.Received, Is.Empty);
    }

    [Test]
    public async Task ARetriedConflictIsAnnouncedOnceWithTheVersionsOfTheAttemptThatCommitted()
    {
        var recorder = new CustomerUpdatedRecorder(new ExtensionTrace());
        var budget = new InterferingUnitOfWork.Budget();
        using var client0 = _factory.CreateApiClient();
        var id = await client0.CreateCustomerAsync();
        using var host = Host(services => services.AddCustomerUpdatedRecorder(recorder).AddInterferingUnitOfWork(budget));
        using var client = Client(host);

        var response = await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["lastName"] = "Retried" });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        Assert.That(budget.Used, Is.EqualTo(1), "the first save met a concurrent change");
        var received = recorder.Received.Single();
        Assert.That((received.OldVersion, received.NewVersion), Is.EqualTo((2, 3)));
        Assert.That(received.ChangedFields, Is.EqualTo(new[] { "lastName" }));
    }

    [Test]
    public async Task AFailingHandlerNeitherFailsTheCommittedUpdateNorStopsTheHandlersAfterIt()
    {
        var recorder = new CustomerUpdatedRecorder(new ExtensionTrace());
        using var host = Host(services => services
            .AddSingleton<INotificationHandler<CustomerUpdatedNotification>, ThrowingHandler>()
            .AddCustomerUpdatedRecorder(recorder));
        using var client = Client(host);
        var id = await client.CreateCustomerAsync();

        var response = await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["lastName"] = "Stored" });
        var stored = (await client.PostAsync("customer.info", new JsonObject { ["id"] = id })).Customer;

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        Assert.That(stored["lastName"]!.GetValue<string>(), Is.EqualTo("Stored"));
        Assert.That(recorder.Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CreationAndRemovalAreAnnouncedToo()
    {
        var received = new List<INotification>();
        using var host = Host(services => services
            .AddSingleton<INotificationHandler<CustomerCreatedNotification>>(new Collecting<CustomerCreatedNotification>(received))
            .AddSingleton<INotificationHandler<CustomerRemovedNotification>>(new Collecting<CustomerRemovedNotification>(received)));
        using var client = Client(host);

        var id = await client.CreateCustomerAsync();
        await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["lastName"] = "Before" });
        var removed = await client.PostAsync("customer.remove", new JsonObject { ["id"] = id });
        var removedAgain = await client.PostAsync("customer.remove", new JsonObject { ["id"] = id });

        Assert.That(removed.Status, Is.EqualTo(HttpStatusCode.OK), removed.Text);
        Assert.That(removedAgain.Ok, Is.False);
        Assert.That(received, Is.EqualTo(new INotification[]
        {
            new CustomerCreatedNotification(id, 1),
            new CustomerRemovedNotification(id, 2),
        }));
    }

    private WebApplicationFactory<Program> Host(Action<IServiceCollection> extend) =>
        _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(extend));

    private ApiClient Client(WebApplicationFactory<Program> host) => new(host.CreateClient(), _factory.Tokens.Valid());

    private sealed class TracingValidator : AbstractValidator<UpdateCustomerCommand>
    {
        public TracingValidator(ExtensionTrace trace) =>
            RuleFor(c => c.Id).Must(_ =>
            {
                trace.Add("validate UpdateCustomerCommand");
                return true;
            });
    }

    private sealed class ThrowingHandler : INotificationHandler<CustomerUpdatedNotification>
    {
        public ValueTask Handle(CustomerUpdatedNotification notification, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The webhook endpoint is down.");
    }

    private sealed class Collecting<T>(List<INotification> received) : INotificationHandler<T>
        where T : INotification
    {
        public ValueTask Handle(T notification, CancellationToken cancellationToken)
        {
            lock (received)
            {
                received.Add(notification);
            }

            return ValueTask.CompletedTask;
        }
    }
}
