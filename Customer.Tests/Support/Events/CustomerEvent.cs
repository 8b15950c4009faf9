using System.Text.Json.Nodes;

namespace CustomerService.Tests.Support.Events;

/// <summary>What the tests compare of a customer CloudEvent: its id, type, customer and the version it stands for.</summary>
public sealed record CustomerEvent(string Id, string Type, string Subject, int Version, DateTime Time)
{
    public const string Created = "customer.created";
    public const string Updated = "customer.updated";
    public const string Removed = "customer.removed";

    public bool IsRemoval => Type == Removed;

    /// <summary>Reads the event; the version is <c>data.customer.version</c>, or <c>data.version</c> for a removal.</summary>
    public static CustomerEvent From(JsonObject cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var type = cloudEvent["type"]!.GetValue<string>();
        var data = cloudEvent["data"]!.AsObject();
        var version = type == Removed ? data["version"]!.GetValue<int>() : data["customer"]!["version"]!.GetValue<int>();
        return new CustomerEvent(
            cloudEvent["id"]!.GetValue<string>(),
            type,
            cloudEvent["subject"]!.GetValue<string>(),
            version,
            cloudEvent["time"]!.GetValue<DateTime>().ToUniversalTime());
    }

    public override string ToString() => $"{Type} v{Version} ({Id})";
}
