using Microsoft.AspNetCore.Cors.Infrastructure;

namespace CustomerService.Api.Http;

/// <summary>
/// Cross-origin calls from the browser origins in <c>Cors:AllowedOrigins</c>, and from none when it
/// is not set. Front-ends send POST (GET for read methods) with a bearer token and a JSON body.
/// </summary>
public static class CorsSetup
{
    public const string AllowedOriginsKey = "Cors:AllowedOrigins";

    public static IServiceCollection AddConfiguredCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var origins = configuration.GetSection(AllowedOriginsKey).Get<string[]>() ?? [];
            options.AddDefaultPolicy(policy => policy
                .WithOrigins([.. origins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/'))])
                .WithMethods(HttpMethods.Post, HttpMethods.Get)
                .WithHeaders("authorization", "content-type", RequestIdMiddleware.HeaderName)
                .WithExposedHeaders(RequestIdMiddleware.HeaderName)
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
        });
        return services;
    }
}
