using CustomerService.Api.Hosting;
using CustomerService.Api.Http;
using Serilog;
using Serilog.Events;

namespace CustomerService.Api.Logging;

public static class SerilogSetup
{
    /// <summary>Serilog from the <c>Serilog</c> configuration section, with request-scoped properties.</summary>
    public static IServiceCollection AddServiceLogging(this IServiceCollection services) =>
        services.AddSerilog((provider, logger) => logger
            .ReadFrom.Configuration(provider.GetRequiredService<IConfiguration>())
            .ReadFrom.Services(provider)
            .Filter.ByExcluding(StartupRefusal.IsReportedByProgram)
            .Enrich.FromLogContext()
            .Enrich.With<SensitiveDataMasking>());

    /// <summary>One event per request: method, path, status, elapsed time, request id and the caller's subject.</summary>
    public static IApplicationBuilder UseServiceRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.IncludeQueryInRequestPath = false; // GET customer.list?email=... must not put the address in the log
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set(RequestIdMiddleware.LogProperty, context.TraceIdentifier);
                if (context.User.FindFirst("sub")?.Value is { } subject)
                {
                    diagnostics.Set("Subject", subject);
                }
            };
        });
}
