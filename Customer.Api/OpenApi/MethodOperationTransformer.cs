using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>Names each operation after its MicroBase method (the last segment of its route); success is JSON only.</summary>
internal sealed class MethodOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var method = MethodName(context.Description.RelativePath);
        if (method is null)
        {
            return Task.CompletedTask;
        }

        var isGet = HttpMethods.IsGet(context.Description.HttpMethod ?? string.Empty);
        operation.OperationId = isGet ? $"{method}.get" : method;
        operation.Summary = isGet ? $"{method} (arguments in the query string)" : method;

        // Envelopes are written as application/json only, whatever the formatters could offer.
        foreach (var content in operation.Responses?.Values.Select(r => r.Content).OfType<IDictionary<string, OpenApiMediaType>>() ?? [])
        {
            foreach (var other in content.Keys.Where(k => k != "application/json").ToList())
            {
                content.Remove(other);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary><c>services/customer/v1/customer.update</c> → <c>customer.update</c>.</summary>
    public static string? MethodName(string? relativePath) =>
        relativePath is null ? null : relativePath[(relativePath.LastIndexOf('/') + 1)..] is { Length: > 0 } last && last.Contains('.', StringComparison.Ordinal) ? last : null;
}
