using System.Collections.Concurrent;
using System.Diagnostics;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>What the simulated clients of one randomized run share: the instances, the customers, the findings.</summary>
public sealed class RandomRun(int seed, IReadOnlyList<ApiClient> instances)
{
    private readonly ConcurrentDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public int Seed { get; } = seed;

    public IReadOnlyList<ApiClient> Instances { get; } = instances;

    /// <summary>On every customer of this run, and on nothing else in the database: customer.list filters by it.</summary>
    public string RunTag { get; } = $"run-{Guid.NewGuid():N}";

    public RunCustomers Customers { get; } = new();

    public Violations Violations { get; } = new(seed);

    public int Round { get; set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Count(ObservedCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var outcome = $"{call.Method} {(call.Status is { } status ? (int)status : 0)} {call.Error}".TrimEnd();
        _outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
    }

    /// <summary>How many calls ended how since the last time they were taken, most frequent first.</summary>
    public string TakeOutcomes()
    {
        var taken = _outcomes.ToArray();
        _outcomes.Clear();
        return string.Join(", ", taken.OrderByDescending(o => o.Value).Select(o => $"{o.Key}: {o.Value}"));
    }
}
