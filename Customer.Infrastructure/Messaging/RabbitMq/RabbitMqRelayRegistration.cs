using CustomerService.Infrastructure.Messaging.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Infrastructure.Messaging.RabbitMq;

/// <summary>The RabbitMQ relay, its lease, metrics and readiness check; nothing at all when no broker is configured.</summary>
public static class RabbitMqRelayRegistration
{
    /// <summary>The meter of the relay's metrics (backlog, oldest age, published, failed, unrouted, confirm latency).</summary>
    public const string MeterName = "CustomerService.Messaging";

    /// <summary>Registers the relay when <c>Messaging:RabbitMq:Uri</c> is set; a wrong setting refuses start-up.</summary>
    public static IServiceCollection AddRabbitMqRelay(this IServiceCollection services, IConfiguration configuration)
    {
        var options = RabbitMqRelayOptions.Read(configuration);
        if (options is null)
        {
            return services;
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.AddSingleton(options);
        services.AddSingleton<RelayMetrics>();
        services.AddSingleton<RelayLease>();
        services.AddSingleton<OutboxBacklog>();
        services.AddSingleton<IOutboxPublisher, RabbitMqPublisher>();
        services.AddHostedService<OutboxRelay>();
        services.AddHealthChecks().AddCheck<RelayBacklogHealthCheck>(RelayBacklogHealthCheck.Name, tags: [DependencyInjection.ReadinessTag]);
        return services;
    }
}
