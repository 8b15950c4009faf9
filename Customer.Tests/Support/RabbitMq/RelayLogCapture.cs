using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CustomerService.Tests.Support.RabbitMq;

/// <summary>Every log line the relay's services write, as an operator would read it.</summary>
public sealed class RelayLogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<RelayLogLine> _lines = new();

    public IReadOnlyList<RelayLogLine> Lines => [.. _lines];

    public IReadOnlyList<RelayLogLine> Containing(string text) => [.. _lines.Where(l => l.Message.Contains(text, StringComparison.Ordinal))];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RelayLogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._lines.Enqueue(new RelayLogLine(logLevel, category, formatter(state, exception), exception));
    }
}

public sealed record RelayLogLine(LogLevel Level, string Category, string Message, Exception? Exception);
