using CustomerService.Api;
using CustomerService.Api.Authentication;
using CustomerService.Api.Hosting;
using CustomerService.Api.Http;
using CustomerService.Api.Http.Json;
using CustomerService.Api.Http.Routing;
using CustomerService.Api.Logging;
using CustomerService.Api.OpenApi;
using CustomerService.Api.Telemetry;
using CustomerService.Application;
using CustomerService.Infrastructure;
using CustomerService.Infrastructure.Persistence;

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = ServiceContentRoot.Choose(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
    });
    DevelopmentSigningKeys.WatchUserSecrets(builder.Configuration, builder.Environment);
    builder.WebHost.ConfigureKestrel(kestrel =>
    {
        kestrel.Limits.MaxRequestBodySize = MicroBaseJsonInputFormatter.MaxBodyBytes;
        RequestLimits.ConfigureKestrel(kestrel.Limits);
        kestrel.AddServerHeader = false;
    });

    builder.Services
        .AddServiceLogging()
        .AddServiceTelemetry(builder.Configuration)
        .AddApplication()
        .AddInfrastructure(builder.Configuration)
        .AddCustomerMediator()
        .AddConfiguredCors()
        .AddBearerAuthentication(builder.Configuration, builder.Environment)
        .WithoutDataProtectionKeyRingAtStart()
        .AddMicroBaseControllers(builder.Configuration)
        .AddCustomerOpenApi()
        .AddSingleton<IHttpContextFactory, RequestIdHttpContextFactory>();

    var app = builder.Build();
    DevelopmentSigningKeys.WarnWhenMissing(app.Services);

    app.UseMiddleware<RequestIdMiddleware>();
    app.UseMiddleware<SecurityHeadersMiddleware>();
    app.UseServiceRequestLogging(); // before the exception handler, or handled errors are logged as 500
    app.UseMiddleware<RequestLimits>();
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandler = EnvelopeExceptionHandler.HandleAsync,
        SuppressDiagnosticsCallback = EnvelopeExceptionHandler.SuppressFrameworkDiagnostics,
    });
    app.UseStatusCodePages(StatusCodeEnvelopes.WriteAsync);
    app.UseCors(); // before authentication: a preflight carries no token and must not be answered 401
    app.UseAuthentication();
    app.UseAuthorization();

    // Every route is mapped in one group, so that a convention for all of them is stated once.
    var routes = app.MapGroup(string.Empty).AllowHeadWhereGetIsAllowed();
    routes.MapControllers();
    routes.MapHealthEndpoints();
    routes.MapCustomerOpenApi(app.Configuration);

    await app.Services.MigrateDatabaseAsync();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupRefusal.Describe(ex) is { } reason)
{
    // Configuration and machine mistakes: one clear line, no stack trace, a failing exit code.
    await Console.Error.WriteLineAsync($"Customer service refused to start: {reason}");
    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
