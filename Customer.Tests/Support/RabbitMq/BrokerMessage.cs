using System.Text;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support.Events;
using RabbitMQ.Client;

namespace CustomerService.Tests.Support.RabbitMq;

/// <summary>One delivery from the broker, as the test's queue received it.</summary>
public sealed record BrokerMessage(
    byte[] Body,
    string? MessageId,
    string RoutingKey,
    string? ContentType,
    DeliveryModes DeliveryMode,
    DateTime ReceivedAt)
{
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The body as the structured CloudEvent it must be.</summary>
    public JsonObject CloudEvent => JsonNode.Parse(Body)?.AsObject() ?? throw new AssertionException($"Not a JSON object: {Text}");

    public CustomerEvent Event => CustomerEvent.From(CloudEvent);
}
