using CustomerService.Tests.Support.SqlServer;

namespace CustomerService.Tests.Infrastructure.SqlServer;

/// <summary>The checks the SQL Server syntax tests rely on find what they are meant to find.</summary>
public sealed class TSqlSyntaxTests
{
    [Test]
    public void AVariableThatNoParameterProvidesIsReported()
    {
        const string sql = "SELECT [c].[Id] FROM [Customers] AS [c] WHERE [c].[Id] = @id AND [c].[Version] = @version";

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TSqlSyntax.UndeclaredVariables(sql, ["@id"]), Is.EqualTo(new[] { "@version" }));
            Assert.That(TSqlSyntax.UndeclaredVariables(sql, ["id", "version"]), Is.Empty, "names without @ count too");
        }
    }

    [Test]
    public void AVariableTheCommandDeclaresItselfNeedsNoParameter()
    {
        const string sql = "DECLARE @inserted TABLE ([Id] int);\nDECLARE @n int = 1;\nSELECT [Id] FROM @inserted WHERE [Id] = @n;";

        Assert.That(TSqlSyntax.UndeclaredVariables(sql, []), Is.Empty);
    }

    [Test]
    public void AStatementSqlServer2022RefusesIsAnError()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TSqlSyntax.BatchErrors("SELECT TOP(1) [Id] FROM [Customers] LIMIT 1"), Is.Not.Empty, "LIMIT is not T-SQL");
            Assert.That(TSqlSyntax.BatchErrors("SELECT TOP(1) [Id] FROM [Customers] ORDER BY [Id]"), Is.Empty);
        }
    }
}
