using CustomerService.Tests.Support.SqlServer;

namespace CustomerService.Tests.Infrastructure.SqlServer;

/// <summary>Batches are split where sqlcmd splits them, and nowhere else.</summary>
public sealed class TSqlBatchesTests
{
    [Test]
    public void GoAloneOnItsLineEndsABatchWhateverItsCaseCountOrComment()
    {
        const string script = "SELECT 1;\ngo\nSELECT 2;\n  GO 2  \nSELECT 3;\r\nGo -- done\r\nSELECT 4;";

        var batches = TSqlBatches.Split(script);

        Assert.That(batches.Select(b => b.Text.Trim()), Is.EqualTo(new[] { "SELECT 1;", "SELECT 2;", "SELECT 3;", "SELECT 4;" }));
        Assert.That(batches.Select(b => b.FirstLine), Is.EqualTo(new[] { 1, 3, 5, 7 }));
    }

    [Test]
    public void GoInsideALineIsNoSeparator()
    {
        const string script = "SELECT 'GO' AS [GO];\nSELECT 1 -- GO\n;GO\nSELECT N'\nGO;'";

        Assert.That(TSqlBatches.Split(script), Has.Count.EqualTo(1));
    }

    [Test]
    public void EmptyBatchesAreNotBatches()
    {
        Assert.That(TSqlBatches.Split("GO\n\nGO\nSELECT 1;\nGO\n  \n"), Has.Count.EqualTo(1));
    }
}
