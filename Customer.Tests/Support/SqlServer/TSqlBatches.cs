using System.Text.RegularExpressions;

namespace CustomerService.Tests.Support.SqlServer;

/// <summary>
/// Splits a script into the batches sqlcmd and SSMS send to the server: GO alone on its line (any case,
/// optionally with a repeat count) ends a batch. Each batch must parse on its own, as the server sees it.
/// </summary>
internal static partial class TSqlBatches
{
    public static IReadOnlyList<TSqlBatch> Split(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var batches = new List<TSqlBatch>();
        var lines = script.ReplaceLineEndings("\n").Split('\n');
        var current = new List<string>();
        var firstLine = 1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!Separator().IsMatch(lines[i]))
            {
                current.Add(lines[i]);
                continue;
            }

            Add(batches, current, firstLine);
            current = [];
            firstLine = i + 2;
        }

        Add(batches, current, firstLine);
        return batches;
    }

    private static void Add(List<TSqlBatch> batches, List<string> lines, int firstLine)
    {
        var text = string.Join('\n', lines);
        if (!string.IsNullOrWhiteSpace(text))
        {
            batches.Add(new TSqlBatch(text, firstLine));
        }
    }

    [GeneratedRegex(@"^\s*GO(\s+\d+)?\s*(--.*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}

/// <summary>One batch of a script, and the script line it starts on (for messages).</summary>
internal sealed record TSqlBatch(string Text, int FirstLine);
