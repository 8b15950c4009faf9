using System.Collections.Concurrent;

namespace CustomerService.Tests.Extending;

/// <summary>What the example extensions saw, in order, so a test can tell where each one ran.</summary>
public sealed class ExtensionTrace
{
    private readonly ConcurrentQueue<string> _steps = new();

    public IReadOnlyList<string> Steps => [.. _steps];

    public void Add(string step) => _steps.Enqueue(step);
}
