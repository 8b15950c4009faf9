using CustomerService.Tests.Support;

namespace CustomerService.Tests;

/// <summary>At the end of the run, drops any server database a test named and left behind, and says which.</summary>
[SetUpFixture]
public sealed class ServerDatabaseCleanup
{
    [OneTimeTearDown]
    public void DropLeftoverDatabases()
    {
        foreach (var leftover in ServerDatabases.DropLeftovers())
        {
            TestContext.Progress.WriteLine($"Dropped a database a test left behind: {leftover}");
        }
    }
}
