using System.Globalization;
using CustomerService.Infrastructure.Messaging.Outbox;
using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// The <see cref="MessagingLease.OutboxRelay"/> row: one relay per database. Taken and renewed by one
/// conditional UPDATE (works on every provider, no locks held); a holder that dies is replaced once its
/// lease expires. Instances' clocks are compared, so they must roughly agree (NTP).
/// </summary>
internal sealed class RelayLease(IServiceScopeFactory scopes, RabbitMqRelayOptions options, TimeProvider clock)
{
    /// <summary>Unique per relay: machine, process and a random part (two relays in one process differ too).</summary>
    public string Holder { get; } = string.Create(
        CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>Takes the lease when it is free or expired, or renews it when held by this relay; true when held.</summary>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + options.Lease;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var holder = Holder;
        var updated = await db.MessagingLeases
            .Where(l => l.Name == MessagingLease.OutboxRelay && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        return updated == 1;
    }

    /// <summary>Gives the lease up at once (a rolling restart fails over without waiting for expiry).</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var holder = Holder;
        await db.MessagingLeases
            .Where(l => l.Name == MessagingLease.OutboxRelay && l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAt, DateTime.UnixEpoch), cancellationToken);
    }
}
