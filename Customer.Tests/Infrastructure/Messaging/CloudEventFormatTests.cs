using System.Diagnostics;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using CustomerService.Application.Customers;
using CustomerService.Infrastructure.Messaging;
using CustomerService.Infrastructure.Messaging.CloudEvents;
using CustomerService.Infrastructure.Messaging.Outbox;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Infrastructure.Messaging;

/// <summary>
/// The events are written without the CloudEvents SDK; here the SDK's own structured-mode parser reads
/// each kind back, as a consumer's CloudEvents library would.
/// </summary>
public sealed class CloudEventFormatTests
{
    private static readonly DateTime SavedAt = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);
    private static readonly CloudEventAttribute TraceParent = CloudEventAttribute.CreateExtension("traceparent", CloudEventAttributeType.String);
    private readonly CustomerCloudEvents _events = new(new MessagingOptions());

    [SetUp]
    public void NoTrace() => Activity.Current = null;

    [Test]
    public void ACreationReadsBackWithEveryAttributeAndTheCustomerAsData()
    {
        var customer = new CustomerBuilder().WithAddresses(CustomerBuilder.Address()).Build();

        var message = _events.For(customer, SavedAt).Single();
        var cloudEvent = Decode(message);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cloudEvent.SpecVersion, Is.EqualTo(CloudEventsSpecVersion.V1_0));
            Assert.That(cloudEvent.Id, Is.EqualTo(message.EventId));
            Assert.That(cloudEvent.Source, Is.EqualTo(new Uri(MessagingOptions.DefaultSource, UriKind.Relative)));
            Assert.That(cloudEvent.Type, Is.EqualTo("customer.created"));
            Assert.That(cloudEvent.Subject, Is.EqualTo(customer.Id));
            Assert.That(cloudEvent.Time, Is.EqualTo(new DateTimeOffset(SavedAt)));
            Assert.That(cloudEvent.DataContentType, Is.EqualTo(MediaTypeNames.Application.Json));
            Assert.That(cloudEvent[TraceParent], Is.Null, "no trace, no traceparent");
            var data = DataOf(cloudEvent).AsObject();
            Assert.That(data.ContainsKey("changed"), Is.False);
            Assert.That(
                JsonNode.DeepEquals(data["customer"], JsonSerializer.SerializeToNode(customer.ToDto(), EventDataJson.Options)),
                Is.True,
                data.ToJsonString());
        }
    }

    [Test]
    public void AnUpdateCarriesItsChangedFields()
    {
        var customer = new CustomerBuilder().Build();
        customer.ClearDomainEvents();
        customer.Rename("Jane", null, SavedAt);

        var cloudEvent = Decode(_events.For(customer, SavedAt).Single());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cloudEvent.Type, Is.EqualTo("customer.updated"));
            var data = DataOf(cloudEvent);
            Assert.That(data["changed"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EqualTo(new[] { "firstName" }));
            Assert.That(data["customer"]!["firstName"]!.GetValue<string>(), Is.EqualTo("Jane"));
        }
    }

    [Test]
    public void ARemovalCarriesTheIdAndTheLastVersion()
    {
        var customer = new CustomerBuilder().Build();
        customer.ClearDomainEvents();
        customer.MarkRemoved();

        var cloudEvent = Decode(_events.For(customer, SavedAt).Single());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cloudEvent.Type, Is.EqualTo("customer.removed"));
            Assert.That(cloudEvent.Subject, Is.EqualTo(customer.Id));
            var data = DataOf(cloudEvent);
            Assert.That(JsonNode.DeepEquals(data, new JsonObject { ["id"] = customer.Id, ["version"] = 1 }), Is.True, data.ToJsonString());
        }
    }

    [Test]
    public void TheTraceContextIsTheTraceparentExtension()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();

        var cloudEvent = Decode(_events.For(new CustomerBuilder().Build(), SavedAt).Single());

        Assert.That(cloudEvent[TraceParent], Is.EqualTo(activity.Id));
    }

    [Test]
    public void TheSourceIsTheSettingAsWritten()
    {
        var events = new CustomerCloudEvents(new MessagingOptions { Source = "https://shop.example.com/customers" });

        var cloudEvent = Decode(events.For(new CustomerBuilder().Build(), SavedAt).Single());

        Assert.That(cloudEvent.Source, Is.EqualTo(new Uri("https://shop.example.com/customers")));
    }

    [TestCase(0, "2026-12-02T10:00:00Z")]
    [TestCase(1_230_000, "2026-12-02T10:00:00.123Z")]
    [TestCase(1_234_560, "2026-12-02T10:00:00.123456Z")]
    [TestCase(1_234_567, "2026-12-02T10:00:00.1234567Z")]
    public void TheTimeIsRfc3339InUtcWithTheDigitsItHas(long ticks, string expected)
    {
        var savedAt = SavedAt.AddTicks(ticks);

        var message = _events.For(new CustomerBuilder().Build(), savedAt).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonNode.Parse(message.Payload)!["time"]!.GetValue<string>(), Is.EqualTo(expected));
            Assert.That(Decode(message).Time, Is.EqualTo(new DateTimeOffset(savedAt)));
        }
    }

    private static JsonNode DataOf(CloudEvent cloudEvent) => JsonNode.Parse(((JsonElement)cloudEvent.Data!).GetRawText())!;

    private static CloudEvent Decode(OutboxMessage message) =>
        new JsonEventFormatter().DecodeStructuredModeMessage(
            Encoding.UTF8.GetBytes(message.Payload), new ContentType("application/cloudevents+json"), [TraceParent]);
}
