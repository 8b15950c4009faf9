using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CustomerService.Tests.Support.SqlServer;

/// <summary>
/// The syntax errors SQL Server 2022's own parser (TSql160Parser) finds in T-SQL, including in the text
/// of EXEC(N'...'), which EF Core's idempotent scripts use and which a parse of the outer batch never opens.
/// </summary>
internal static class TSqlSyntax
{
    /// <summary>Every error in every GO batch of the script, each as "line L, column C: message".</summary>
    public static IReadOnlyList<string> ScriptErrors(string script) =>
        [.. TSqlBatches.Split(script).SelectMany(batch => BatchErrors(batch.Text, batch.FirstLine))];

    /// <summary>Every error in one batch (one statement or several, no GO).</summary>
    public static IReadOnlyList<string> BatchErrors(string batch, int firstLine = 1)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var fragment = Parse(batch, out var errors);
        var found = errors.Select(e => $"line {firstLine + e.Line - 1}, column {e.Column}: {e.Message}").ToList();
        if (errors.Count > 0)
        {
            return found;
        }

        var dynamic = new DynamicSqlCollector();
        fragment.Accept(dynamic);
        foreach (var (sql, line) in dynamic.Found)
        {
            // Reported at the EXEC's line: the inner text's own line numbers mean nothing in the script.
            var inner = sql is null ? ["EXEC of a string that is not a literal cannot be checked"] : BatchErrors(sql);
            found.AddRange(inner.Select(error => $"line {firstLine + line - 1}, in EXEC: {error}"));
        }

        return found;
    }

    /// <summary>
    /// The variables a command uses that neither its parameters nor its own DECLAREs provide: the
    /// server would refuse each with error 137 (must declare the scalar variable).
    /// </summary>
    public static IReadOnlyList<string> UndeclaredVariables(string sql, IEnumerable<string> parameterNames)
    {
        var variables = new VariableCollector();
        Parse(sql, out _).Accept(variables);
        var provided = parameterNames.Select(n => n.StartsWith('@') ? n : "@" + n).Concat(variables.Declared);
        return [.. variables.Used.Except(provided, StringComparer.OrdinalIgnoreCase)];
    }

    public static TSqlFragment Parse(string sql, out IList<ParseError> errors)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        return parser.Parse(reader, out errors);
    }

    private sealed class VariableCollector : TSqlFragmentVisitor
    {
        public HashSet<string> Used { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Declared { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(VariableReference node) => Used.Add(node.Name);

        public override void Visit(DeclareVariableElement node) => Declared.Add(node.VariableName.Value);

        public override void Visit(DeclareTableVariableBody node) => Declared.Add(node.VariableName.Value);
    }

    private sealed class DynamicSqlCollector : TSqlFragmentVisitor
    {
        /// <summary>The text each EXEC runs, or null where it is built from more than literals.</summary>
        public List<(string? Sql, int Line)> Found { get; } = [];

        public override void Visit(ExecutableStringList node)
        {
            var literals = node.Strings.OfType<StringLiteral>().Select(s => s.Value).ToList();
            Found.Add((literals.Count == node.Strings.Count ? string.Concat(literals) : null, node.StartLine));
            base.Visit(node);
        }
    }
}
