using Scalar.AspNetCore;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// The OpenAPI description of the service at <c>/openapi/v1.json</c> (served in every environment,
/// without a token: it describes a public contract), and the Scalar reference at <c>/scalar</c> when
/// <c>OpenApi:ScalarEnabled</c> is true.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string ScalarEnabledSetting = "OpenApi:ScalarEnabled";

    public static IServiceCollection AddCustomerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddSchemaTransformer<StrictNumberSchemaTransformer>();
            options.AddSchemaTransformer<RequestSchemaTransformer>();
            options.AddSchemaTransformer<EnvelopeSchemaTransformer>();
            options.AddOperationTransformer<MethodOperationTransformer>();
            options.AddOperationTransformer<QueryParametersOperationTransformer>();
            options.AddOperationTransformer<RequestExampleOperationTransformer>();
            options.AddOperationTransformer<ErrorResponsesOperationTransformer>();
            options.AddOperationTransformer<ScopeSecurityOperationTransformer>();
        });

    public static IEndpointRouteBuilder MapCustomerOpenApi(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapOpenApi().AllowAnonymous();
        if (configuration.GetValue<bool>(ScalarEnabledSetting))
        {
            endpoints.MapScalarApiReference().AllowAnonymous();
        }

        return endpoints;
    }
}
