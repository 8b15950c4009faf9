using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// The GET forms of the read methods take their arguments from the query string, one parameter per
/// property of the request (the same schema, rules and required fields as the POST body).
/// </summary>
internal sealed class QueryParametersOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsGet(context.Description.HttpMethod ?? string.Empty) || RequestTypes.Of(context.Description) is not { } requestType)
        {
            return;
        }

        operation.RequestBody = null;
        var schema = await context.GetOrCreateSchemaAsync(requestType, null, cancellationToken);
        var required = schema.Required ?? new HashSet<string>();
        operation.Parameters = [];
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Required = required.Contains(name),
                Description = property.Description,
                Schema = property,
            });
        }
    }
}
