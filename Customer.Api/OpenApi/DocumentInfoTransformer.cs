using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>Title and the conventions every method shares.</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Customer service",
            Version = "v1",
            Description =
                "MicroBase-style RPC methods: `POST {base}/customer/v1/<method>` with a JSON object body and a bearer token. " +
                "Every response is an envelope: `{\"ok\": true, ...}` on success, `{\"ok\": false, \"error\": \"<code>\", \"data\": ...}` on failure. " +
                "The read methods customer.info, customer.list and customer.address.info also answer GET with their arguments in the query string.",
        };
        return Task.CompletedTask;
    }
}
