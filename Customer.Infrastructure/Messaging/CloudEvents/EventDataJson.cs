using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerService.Application.Customers.Events;

namespace CustomerService.Infrastructure.Messaging.CloudEvents;

/// <summary>
/// How events are written: the settings of the API's responses (web names, readable accents), so that
/// an event's customer is byte for byte what customer.info answers.
/// </summary>
internal static class EventDataJson
{
    public static JsonSerializerOptions Options { get; } = new(EventDataJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StructuredCloudEvent<CustomerChangedEventData>))]
[JsonSerializable(typeof(StructuredCloudEvent<CustomerRemovedEventData>))]
internal sealed partial class EventDataJsonContext : JsonSerializerContext;
