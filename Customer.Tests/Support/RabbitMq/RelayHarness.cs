using CustomerService.Infrastructure.Messaging.Outbox;
using CustomerService.Infrastructure.Messaging.RabbitMq;
using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerService.Tests.Support.RabbitMq;

/// <summary>
/// One relay as the service registers it (<see cref="RabbitMqRelayRegistration.AddRabbitMqRelay"/>) on a test
/// database, without HTTP: optionally with a fake publisher, with its logs and metrics captured.
/// </summary>
public sealed class RelayHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _started;

    private RelayHarness(ServiceProvider services, RelayLogCapture logs)
    {
        _services = services;
        Logs = logs;
        Measurements = new RelayMeasurements(services.GetRequiredService<RelayMetrics>().Meter);
    }

    public RelayLogCapture Logs { get; }

    internal RelayMeasurements Measurements { get; }

    internal OutboxRelay Relay => _services.GetServices<IHostedService>().OfType<OutboxRelay>().Single();

    internal RelayLease Lease => _services.GetRequiredService<RelayLease>();

    internal IServiceProvider Services => _services;

    /// <summary>A relay on <paramref name="database"/> with these <c>Messaging:RabbitMq</c> settings (keys without the prefix).</summary>
    internal static RelayHarness Create(TestDatabase database, IReadOnlyDictionary<string, string> settings, IOutboxPublisher? publisher = null, TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"{RabbitMqRelayOptions.SectionName}:{s.Key}", s.Value)))
            .Build();
        var services = new ServiceCollection();
        var logs = new RelayLogCapture();
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddScoped<CustomerDbContext>(_ => database.CreateContextWith());
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddRabbitMqRelay(configuration);
        if (publisher is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(publisher));
        }

        return new RelayHarness(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), logs);
    }

    public async Task StartAsync()
    {
        _started = true;
        await Relay.StartAsync(CancellationToken.None);
    }

    public async Task StopAsync()
    {
        if (_started)
        {
            _started = false;
            await Relay.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Measurements.Dispose();
        await _services.DisposeAsync();
    }
}
