using System.Diagnostics.Metrics;

namespace CustomerService.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// The relay's instruments on the <see cref="RabbitMqRelayRegistration.MeterName"/> meter. The gauges show
/// what the lease holder saw on its last round; other instances report nothing.
/// </summary>
internal sealed class RelayMetrics
{
    private readonly Counter<long> _published;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _unrouted;
    private readonly Histogram<double> _confirmLatency;
    private long _backlog = -1;
    private double _oldestAgeSeconds = -1;

    public RelayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(RabbitMqRelayRegistration.MeterName);
        _published = Meter.CreateCounter<long>("customer_service.outbox.published", "{message}", "Outbox messages the broker confirmed (unrouted ones included).");
        _failed = Meter.CreateCounter<long>("customer_service.outbox.failed", "{message}", "Publishes nacked, unconfirmed or cut off by a lost connection; tried again.");
        _unrouted = Meter.CreateCounter<long>("customer_service.outbox.unrouted", "{message}", "Confirmed messages no queue took (returned under mandatory).");
        _confirmLatency = Meter.CreateHistogram<double>("customer_service.outbox.confirm_latency", "ms", "From the change's commit to the broker's confirmation.");
        Meter.CreateObservableGauge("customer_service.outbox.backlog", ObserveBacklog, "{message}", "Outbox messages not yet confirmed by the broker.");
        Meter.CreateObservableGauge("customer_service.outbox.oldest_age", ObserveOldestAge, "s", "Age of the oldest outbox message not yet confirmed.");
    }

    public Meter Meter { get; }

    public void Published(string type, TimeSpan commitToConfirm)
    {
        var tag = new KeyValuePair<string, object?>("type", type);
        _published.Add(1, tag);
        _confirmLatency.Record(commitToConfirm.TotalMilliseconds, tag);
    }

    public void Unrouted(string type) => _unrouted.Add(1, new KeyValuePair<string, object?>("type", type));

    public void Failed(string type) => _failed.Add(1, new KeyValuePair<string, object?>("type", type));

    /// <summary>What the holder saw this round: the number pending and the oldest one's age (zero when none).</summary>
    public void Backlog(long count, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _backlog, count);
        Interlocked.Exchange(ref _oldestAgeSeconds, Math.Max(0, oldestAge.TotalSeconds));
    }

    /// <summary>This instance no longer holds the lease: its last view would mislead.</summary>
    public void NotHolding()
    {
        Interlocked.Exchange(ref _backlog, -1);
        Interlocked.Exchange(ref _oldestAgeSeconds, -1);
    }

    private IEnumerable<Measurement<long>> ObserveBacklog()
    {
        var value = Interlocked.Read(ref _backlog);
        return value < 0 ? [] : [new Measurement<long>(value)];
    }

    private IEnumerable<Measurement<double>> ObserveOldestAge()
    {
        var value = Interlocked.CompareExchange(ref _oldestAgeSeconds, 0, 0);
        return value < 0 ? [] : [new Measurement<double>(value)];
    }
}
