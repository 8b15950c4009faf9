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
}
