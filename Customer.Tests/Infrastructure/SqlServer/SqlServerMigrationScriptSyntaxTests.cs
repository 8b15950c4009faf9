using CustomerService.Infrastructure.Persistence;
using CustomerService.Tests.Support.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerService.Tests.Infrastructure.SqlServer;

/// <summary>
/// The idempotent script .ci/run publishes for SQL Server, parsed by SQL Server 2022's own parser:
/// no server runs here, so a syntax error would otherwise first show on a customer's database.
/// </summary>
public sealed class SqlServerMigrationScriptSyntaxTests
{
    [Test]
    public void TheIdempotentScriptParsesAsSqlServer2022()
    {
        var script = IdempotentScript();

        Assert.That(TSqlSyntax.ScriptErrors(script), Is.Empty);
    }

    [Test]
    public void TheIdempotentScriptIsSplitIntoItsGoBatches()
    {
        var script = IdempotentScript();
        var goLines = script.ReplaceLineEndings("\n").Split('\n').Count(line => line.Trim() == "GO");

        // EF ends every batch with GO, the last one included: a batch per GO, none lost or merged.
        Assert.That(TSqlBatches.Split(script), Has.Count.EqualTo(goLines));
    }

    [Test]
    public void ABrokenStatementFailsTheCheck()
    {
        var script = IdempotentScript();
        var broken = ReplaceOnce(script, "CREATE TABLE [Customers] (", "CREATE TABLE [Customers] ((");

        Assert.That(TSqlSyntax.ScriptErrors(broken), Has.Some.Contains("Incorrect syntax"));
    }

    [Test]
    public void ABrokenStatementInsideExecFailsTheCheck()
    {
        // The parse of a batch sees EXEC(N'...') as a string; only parsing that string finds this.
        const string batch = "IF 1 = 1\nBEGIN\n    EXEC(N'CREATE UNIQUE INDEX [IX_T] ON [T] ([A]) WHERE [A] IS NOT NUL');\nEND;\n";

        Assert.That(TSqlSyntax.ScriptErrors(batch), Has.Some.StartsWith("line 3, in EXEC:"));
        Assert.That(TSqlSyntax.ScriptErrors(batch.Replace("NOT NUL'", "NOT NULL'", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void AnErrorIsReportedAtItsLineInTheScript()
    {
        const string script = "SELECT 1;\nGO\n\nSELECT 2;\nSELEC 3;\nGO\n";

        Assert.That(TSqlSyntax.ScriptErrors(script), Has.Count.EqualTo(1).And.Some.StartsWith("line 5,"));
    }

    private static string IdempotentScript()
    {
        // The factory `dotnet ef migrations script --context SqlServerCustomerDbContext` uses; it never connects.
        using var db = new SqlServerDesignTimeDbContextFactory().CreateDbContext([]);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    private static string ReplaceOnce(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), $"The script no longer contains {find}");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }
}
