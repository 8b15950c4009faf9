using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// The method's example request: on the JSON body of a POST, on the query parameters of a GET.
/// Also states the body's media type, which the service's own input formatter does not advertise.
/// </summary>
internal sealed class RequestExampleOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (RequestExamples.For(RequestTypes.Of(context.Description)) is not { } example)
        {
            return Task.CompletedTask;
        }

        if (operation.RequestBody?.Content is { } content)
        {
            foreach (var media in content.Values)
            {
                media.Example = example.DeepClone();
            }
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && example[name] is { } value)
            {
                parameter.Example = value.DeepClone();
            }
        }

        return Task.CompletedTask;
    }
}
