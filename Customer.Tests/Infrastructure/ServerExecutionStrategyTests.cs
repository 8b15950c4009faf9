using CustomerService.Infrastructure;
using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Infrastructure;

/// <summary>
/// Both server databases retry transient failures, boundedly: a restart or failover is waited for
/// a few seconds, after which the request is answered 503 instead of being kept waiting.
/// </summary>
public sealed class ServerExecutionStrategyTests
{
    [TestCase("SqlServer", "Server=localhost;Database=unused;TrustServerCertificate=true")]
    [TestCase("PostgreSql", "Host=localhost;Database=unused")]
    public void RetriesTransientFailuresAFewTimesAtMostASecondApart(string provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Customers"] = connectionString,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddInfrastructure(configuration).BuildServiceProvider();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();

        var strategy = db.Database.CreateExecutionStrategy();

        Assert.That(strategy, Is.InstanceOf<ExecutionStrategy>());
        var retrying = (ExecutionStrategy)strategy;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(retrying.RetriesOnFailure, Is.True);
            Assert.That(Property<int>(retrying, "MaxRetryCount"), Is.EqualTo(4));
            Assert.That(Property<TimeSpan>(retrying, "MaxRetryDelay"), Is.EqualTo(TimeSpan.FromSeconds(1)));
        }
    }

    private static T Property<T>(ExecutionStrategy strategy, string name) =>
        (T)typeof(ExecutionStrategy).GetProperty(name, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)!
            .GetValue(strategy)!;
}
