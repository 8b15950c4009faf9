using System.Globalization;
using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace CustomerService.Tests.Support;

/// <summary>A Serilog sink that keeps every event; the service's logger picks it up from DI.</summary>
public sealed class CapturingLogSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The event as an operator would see it: message and every property.</summary>
    public static string Render(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        using var writer = new StringWriter();
        logEvent.RenderMessage(writer, CultureInfo.InvariantCulture);
        foreach (var (name, value) in logEvent.Properties)
        {
            writer.Write($" {name}={value}");
        }

        writer.Write(logEvent.Exception?.ToString());
        return writer.ToString();
    }
}
