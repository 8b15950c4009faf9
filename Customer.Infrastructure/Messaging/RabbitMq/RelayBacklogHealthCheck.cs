using System.Globalization;
using CustomerService.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerService.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// Readiness: Degraded (still HTTP 200) when the oldest unsent event is older than
/// <c>Messaging:RabbitMq:DegradedAfterSeconds</c>. Reads the database, so every instance answers, not only the lease holder.
/// </summary>
internal sealed class RelayBacklogHealthCheck(IServiceScopeFactory scopes, RabbitMqRelayOptions options, TimeProvider clock) : IHealthCheck
{
    public const string Name = "outbox-relay";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var oldest = await OutboxBacklog.OldestPendingAsync(db, cancellationToken);
        if (oldest is null)
        {
            return HealthCheckResult.Healthy("No event waits for the broker.");
        }

        var age = clock.GetUtcNow().UtcDateTime - oldest.Value;
        var description = string.Create(CultureInfo.InvariantCulture, $"The oldest unsent event is {age.TotalSeconds:F0} s old.");
        return age > options.DegradedAfter ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description);
    }
}
