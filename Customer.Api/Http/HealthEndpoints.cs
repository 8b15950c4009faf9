using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerService.Api.Http;

/// <summary>
/// <c>GET /health/live</c>: the process answers. <c>GET /health/ready</c>: the database answers too
/// (503 while it does not). Both without a token, for load balancers and orchestrators.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Infrastructure.DependencyInjection.ReadinessTag),
            ResponseWriter = WriteAsync,
        });
        return endpoints;
    }

    // {"ok": true, "status": "Healthy", "checks": {"database": "Healthy"}}; failures stay in the log.
    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = Envelope.EnvelopeWriter.ContentType;
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteBoolean("ok", report.Status == HealthStatus.Healthy);
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteString(name, entry.Status.ToString());
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
