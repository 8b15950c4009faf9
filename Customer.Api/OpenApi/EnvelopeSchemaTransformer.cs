using System.Text.Json.Nodes;
using CustomerService.Api.Http.Envelope;
using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// Success envelopes and the DTOs in them always carry every property: <c>ok</c> is always true,
/// a customer's <c>status</c> is one of the status names.
/// </summary>
internal sealed class EnvelopeSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly HashSet<Type> Envelopes =
    [
        typeof(CustomerEnvelope), typeof(CustomerListEnvelope), typeof(AddressEnvelope), typeof(CustomerIdEnvelope), typeof(OkEnvelope),
        typeof(CustomerChangesEnvelope),
        typeof(PasswordResetTokenEnvelope),
    ];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        if (schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        if (Envelopes.Contains(type))
        {
            schema.Required = new HashSet<string>(properties.Keys, StringComparer.Ordinal);
            if (properties.TryGetValue("ok", out var ok) && ok is OpenApiSchema okSchema)
            {
                okSchema.Enum = [JsonValue.Create(true)];
            }

            if (type == typeof(CustomerChangesEnvelope) && properties.TryGetValue("changes", out var changes) && changes is OpenApiSchema changesSchema)
            {
                changesSchema.Items = CloudEventSchema();
            }
        }
        else if (type == typeof(CustomerDto) || type == typeof(AddressDto))
        {
            schema.Required = new HashSet<string>(properties.Keys, StringComparer.Ordinal);
            if (type == typeof(CustomerDto) && properties.TryGetValue("status", out var status) && status is OpenApiSchema statusSchema)
            {
                statusSchema.Enum = [CustomerStatusNames.Active, CustomerStatusNames.Inactive];
            }
        }

        return Task.CompletedTask;
    }

    // A change as the feed and the broker carry it: a structured CloudEvent 1.0 (README, "Consuming events").
    private static OpenApiSchema CloudEventSchema()
    {
        static OpenApiSchema Text(string description, params string[] values) => new()
        {
            Type = JsonSchemaType.String,
            Description = description,
            Enum = values.Length == 0 ? null : [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
        };

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A committed change to a customer, as a structured CloudEvent 1.0.",
            Required = new HashSet<string>(["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"], StringComparer.Ordinal),
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["specversion"] = Text("Always 1.0.", "1.0"),
                ["id"] = Text("Unique, and the same on every delivery: deduplicate by it."),
                ["source"] = Text("Messaging:Source, /services/customer by default."),
                ["type"] = Text("What happened.", "customer.created", "customer.updated", "customer.removed"),
                ["subject"] = Text("The customer's id."),
                ["time"] = Text("When the change was committed, UTC (RFC 3339)."),
                ["datacontenttype"] = Text("Always application/json.", "application/json"),
                ["traceparent"] = Text("The W3C trace context of the request that made the change, when tracing is on."),
                ["data"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "created and updated: {\"customer\": the customer as customer.info shows it, at the stored version}, updated also "
                        + "{\"changed\": [wire field names]}; removed: {\"id\", \"version\": the last version it had}.",
                },
            },
        };
    }
}
