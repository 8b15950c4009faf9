using System.Globalization;
using CustomerService.Api.Http.Envelope;
using CustomerService.Application.Common.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// One response per HTTP status an operation can fail with; its schema is one of the error envelopes
/// of the codes sharing that status, and each code has a named example. Statuses come from
/// <see cref="ErrorStatusCodes.For"/>.
/// </summary>
internal sealed class ErrorResponsesOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        operation.Responses ??= [];
        var requestType = RequestTypes.Of(context.Description);
        foreach (var group in CodesOf(context).GroupBy(ErrorStatusCodes.For).OrderBy(g => g.Key))
        {
            var media = new OpenApiMediaType { Examples = new Dictionary<string, IOpenApiExample>(StringComparer.Ordinal) };
            var envelopes = new List<IOpenApiSchema>();
            foreach (var code in group)
            {
                envelopes.Add(await EnvelopeSchemaAsync(ErrorCatalog.Describe(code, requestType), context, cancellationToken));
                media.Examples[code] = new OpenApiExample { Summary = code, Value = ErrorCatalog.Sample(code, requestType) };
            }

            media.Schema = envelopes.Count == 1 ? envelopes[0] : new OpenApiSchema { OneOf = envelopes };
            operation.Responses[group.Key.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = string.Join(" ", group.Select(code => $"`{code}`: {ErrorCatalog.Describe(code, requestType).Description}")),
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = media },
            };
        }
    }

    /// <summary>The method's own codes, then those of the HTTP layer that apply to it.</summary>
    private static IEnumerable<string> CodesOf(OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var codes = new List<string>(metadata.OfType<ReturnsErrorsAttribute>().SelectMany(a => a.Codes));
        if (metadata.OfType<IAuthorizeData>().Any())
        {
            codes.Add(ApiErrorCodes.InvalidToken);
            codes.Add(ApiErrorCodes.Forbidden);
        }

        if (HttpMethods.IsPost(context.Description.HttpMethod ?? string.Empty))
        {
            codes.Add(ApiErrorCodes.PayloadTooLarge);
            codes.Add(ApiErrorCodes.UnsupportedMediaType);
        }

        codes.Add(ApiErrorCodes.UriTooLong);
        codes.Add(ApiErrorCodes.HeadersTooLarge);
        codes.Add(ErrorCodes.ServiceUnavailable);
        codes.Add(ErrorCodes.InternalError);
        return codes.Distinct(StringComparer.Ordinal);
    }

    private static async Task<IOpenApiSchema> EnvelopeSchemaAsync(ErrorDescription description, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var code = description.Code;
        var envelope = new OpenApiSchema
        {
            Title = code,
            Description = description.Description,
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["ok"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Enum = [false] },
                ["error"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [code] },
            },
            Required = new HashSet<string>(StringComparer.Ordinal) { "ok", "error" },
        };
        if (description.DataType is { } dataType)
        {
            var data = await context.GetOrCreateSchemaAsync(dataType, null, cancellationToken);
            RequireData(data, description.RequiredData);
            envelope.Properties["data"] = data;
            envelope.Required.Add("data");
        }

        return envelope;
    }

    // The error data records are positional: every property is always sent, unless the catalog says otherwise.
    private static void RequireData(IOpenApiSchema data, IReadOnlyList<string>? required)
    {
        var target = data is OpenApiSchema { Type: JsonSchemaType.Array, Items: OpenApiSchema items } ? items : data as OpenApiSchema;
        if (target?.Properties is { Count: > 0 } properties)
        {
            target.Required = new HashSet<string>(required ?? [.. properties.Keys], StringComparer.Ordinal);
        }
    }
}
