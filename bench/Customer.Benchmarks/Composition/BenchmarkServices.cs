using CustomerService.Api;
using CustomerService.Api.Logging;
using CustomerService.Application;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Customers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CustomerService.Benchmarks.Composition;

/// <summary>
/// The application composed as Program.cs composes it — the service's Serilog setup, AddApplication,
/// AddCustomerMediator — with in-memory persistence instead of AddInfrastructure, no OpenTelemetry
/// (so no listener on the application's activity source), and a log sink that discards every event.
/// </summary>
public static class BenchmarkServices
{
    // The levels of appsettings.json, without its console sink.
    private static readonly Dictionary<string, string?> LoggingSettings = new()
    {
        ["Serilog:MinimumLevel:Default"] = "Information",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Warning",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Information",
    };

    public static ServiceProvider Build(InMemoryCustomerStore store)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(LoggingSettings).Build();
        var services = new ServiceCollection();

        // What the web host registers before Program.cs adds the service's own.
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();

        // Serilog reads sinks registered in DI (ReadFrom.Services): this one is the only sink.
        services.AddSingleton<ILogEventSink, DiscardingSink>();

        services
            .AddServiceLogging()
            .AddApplication()
            .AddCustomerMediator();

        services.AddSingleton(store);
        services.AddScoped<ICustomerRepository, InMemoryCustomerRepository>();
        services.AddScoped<IUnitOfWork, InMemoryUnitOfWork>();
        services.AddSingleton<IPersistenceFailureClassifier, NoPersistenceFailures>();
        return services.BuildServiceProvider();
    }

    /// <summary>Receives every event that passes the levels, fully built and enriched, and writes it nowhere.</summary>
    private sealed class DiscardingSink : ILogEventSink
    {
        public void Emit(LogEvent logEvent)
        {
        }
    }
}
