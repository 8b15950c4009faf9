using CustomerService.Infrastructure.Messaging.RabbitMq;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Tests.Support;
using CustomerService.Tests.Support.RabbitMq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerService.Tests.Infrastructure.Messaging;

public sealed class RelayBacklogHealthCheckTests
{
    private static readonly RabbitMqRelayOptions Options = new() { Uri = new Uri("amqp://localhost/"), DegradedAfter = TimeSpan.FromSeconds(60) };

    [Test]
    public async Task IsHealthyWithNoBacklog()
    {
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        Assert.That(await CheckAsync(database), Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    public async Task IsHealthyWhileTheOldestPendingIsYoungerThanTheThreshold()
    {
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await RelayOutbox.AddAsync(database, "cust-1", 1, occurredAt: DateTime.UtcNow.AddSeconds(-30));
        Assert.That(await CheckAsync(database), Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    public async Task IsDegradedWhenTheOldestPendingIsOlderThanTheThreshold()
    {
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await RelayOutbox.AddAsync(database, "cust-1", 1, occurredAt: DateTime.UtcNow.AddSeconds(-90));
        await RelayOutbox.AddAsync(database, "cust-2", 1);
        Assert.That(await CheckAsync(database), Is.EqualTo(HealthStatus.Degraded), "degraded, not unhealthy: the service still answers");
    }

    [Test]
    public void IsRegisteredForReadinessOnlyWhenABrokerIsConfigured()
    {
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        using var provider = RelayServices(new Dictionary<string, string?> { ["Messaging:RabbitMq:Uri"] = "amqp://localhost/" });
        var registration = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthCheckServiceOptions>>().Value.Registrations.Single();
        Assert.That(registration.Name, Is.EqualTo(RelayBacklogHealthCheck.Name));
        Assert.That(registration.Tags, Does.Contain(CustomerService.Infrastructure.DependencyInjection.ReadinessTag));

        using var without = RelayServices(new Dictionary<string, string?>());
        Assert.That(without.GetService<Microsoft.Extensions.Options.IOptions<HealthCheckServiceOptions>>()?.Value.Registrations ?? [], Is.Empty);
    }

    private static ServiceProvider RelayServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddRabbitMqRelay(configuration).BuildServiceProvider();
    }

    private static async Task<HealthStatus> CheckAsync(TestDatabase database)
    {
        await using var services = new ServiceCollection().AddScoped<CustomerDbContext>(_ => database.CreateContextWith()).BuildServiceProvider();
        var check = new RelayBacklogHealthCheck(services.GetRequiredService<IServiceScopeFactory>(), Options, TimeProvider.System);
        return (await check.CheckHealthAsync(new HealthCheckContext())).Status;
    }
}
