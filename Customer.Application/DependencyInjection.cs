using FluentValidation;
using CustomerService.Application.Common.Time;
using CustomerService.Application.Customers.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the application's validators, clock and the throttled password check. The mediator itself, with its handlers and
    /// behaviours, is generated and registered by the composition root (AddMediator).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: false);
        services.TryAddSingleton<TimeProvider>(MicrosecondClock.Instance);
        services.AddScoped<ThrottledPasswordCheck>();
        return services;
    }
}
