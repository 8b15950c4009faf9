using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CustomerService.Tests.Support.RabbitMq;

/// <summary>What one relay's meter recorded: counter sums, histogram values and the gauges' last readings.</summary>
public sealed class RelayMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _values = new(StringComparer.Ordinal);

    public RelayMeasurements(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Record(instrument, value));
        _listener.Start();
    }

    /// <summary>The sum of a counter's increments.</summary>
    public double Sum(string instrument) => _sums.GetValueOrDefault(instrument);

    /// <summary>Every value recorded (a histogram's observations, a gauge's readings).</summary>
    public IReadOnlyList<double> Values(string instrument) => _values.TryGetValue(instrument, out var values) ? [.. values] : [];

    /// <summary>Reads the gauges now; their readings join <see cref="Values"/>.</summary>
    public void ReadGauges() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value)
    {
        _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
        _values.GetOrAdd(instrument.Name, _ => new ConcurrentQueue<double>()).Enqueue(value);
    }
}
