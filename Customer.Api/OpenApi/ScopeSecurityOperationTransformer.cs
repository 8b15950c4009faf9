using CustomerService.Api.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// Operations that need a token require the bearer scheme, listing the scope (as configured in
/// <c>Authorization:Scopes</c>) the action's policy demands.
/// </summary>
internal sealed class ScopeSecurityOperationTransformer(IOptions<ScopeOptions> scopes) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var authorize = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 || context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        var required = authorize
            .Select(a => a.Policy switch
            {
                ScopePolicies.Read => scopes.Value.Read,
                ScopePolicies.Write => scopes.Value.Write,
                _ => null,
            })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();

        operation.Security =
        [
            new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerSecuritySchemeTransformer.SchemeName, context.Document)] = required,
            },
        ];
        if (required.Count > 0)
        {
            var scopeText = $"Requires a bearer token with the scope `{string.Join("`, `", required)}`.";
            operation.Description = string.IsNullOrEmpty(operation.Description) ? scopeText : $"{operation.Description}\n\n{scopeText}";
        }

        return Task.CompletedTask;
    }
}
