using CustomerService.Application.Common.Diagnostics;
using CustomerService.Infrastructure.Messaging.RabbitMq;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CustomerService.Api.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core (server spans, HTTP metrics), EF Core (a client
/// span per database command) and the application's own span per mediator message.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The configuration key (and environment variable) that switches OTLP export on.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ServiceName = "customer-service";

    /// <summary>
    /// Exports over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; otherwise registers nothing at
    /// all — no tracer, no listener, so no span is ever created and the cost is nil. The exporter
    /// reads the rest of its settings (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, headers, …) itself.
    /// </summary>
    public static IServiceCollection AddServiceTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey])
            ? services
            : services.AddServiceTelemetry(tracing => tracing.AddOtlpExporter(), metrics => metrics.AddOtlpExporter());
    }

    /// <summary>
    /// The service's instrumentation with the exporters given: OTLP in production, an in-memory
    /// exporter in the tests.
    /// </summary>
    public static IServiceCollection AddServiceTelemetry(
        this IServiceCollection services,
        Action<TracerProviderBuilder> exportTraces,
        Action<MeterProviderBuilder>? exportMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(exportTraces);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(ApplicationDiagnostics.ActivitySourceName)
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context.Request.Path))
                    .AddEntityFrameworkCoreInstrumentation();
                exportTraces(tracing);
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddMeter("Microsoft.EntityFrameworkCore")
                    .AddMeter(RabbitMqRelayRegistration.MeterName);
                exportMetrics?.Invoke(metrics);
            });
        return services;
    }

    // Liveness and readiness probes arrive every few seconds and would drown the traces.
    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
