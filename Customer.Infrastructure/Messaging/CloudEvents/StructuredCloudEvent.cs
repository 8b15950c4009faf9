using System.Text.Json.Serialization;

namespace CustomerService.Infrastructure.Messaging.CloudEvents;

/// <summary>
/// A CloudEvents 1.0 event in the structured JSON format, with the attributes this service sets.
/// Written by System.Text.Json's source generator rather than the CloudEvents SDK's formatter, which
/// cost more per save (measured in docs/decisions/013); <c>CloudEventFormatTests</c> reads every kind
/// of event back with the SDK.
/// </summary>
internal sealed class StructuredCloudEvent<TData>
{
    [JsonPropertyName("specversion")]
    public string SpecVersion { get; } = "1.0";

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("source")]
    public required string Source { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    [JsonPropertyName("time")]
    public required string Time { get; init; }

    [JsonPropertyName("datacontenttype")]
    public string DataContentType { get; } = "application/json";

    /// <summary>The W3C trace context of the change (CloudEvents' distributed tracing extension).</summary>
    [JsonPropertyName("traceparent")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TraceParent { get; init; }

    [JsonPropertyName("data")]
    public required TData Data { get; init; }
}
