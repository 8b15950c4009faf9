using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>The invariant violations a randomized run found, each under the name of the rule it broke.</summary>
public sealed class Violations(int seed)
{
    private const int ExamplesPerRule = 3;

    private readonly ConcurrentQueue<(string Rule, string Detail)> _found = new();

    public int Count => _found.Count;

    public void Add(string rule, string detail) => _found.Enqueue((rule, detail));

    public void Add(string rule, ObservedCall call) => Add(rule, call.ToString());

    /// <summary>How many of each rule, a few examples of each, and how to replay the run.</summary>
    public string Report()
    {
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{Count} invariant violations with seed {seed} (replay: {RandomRunSeed.Variable}={seed}).");
        foreach (var rule in _found.GroupBy(v => v.Rule, StringComparer.Ordinal).OrderByDescending(g => g.Count()))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {rule.Key}: {rule.Count()}");
            foreach (var (_, detail) in rule.Take(ExamplesPerRule))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    {detail}");
            }
        }

        return report.ToString();
    }
}
