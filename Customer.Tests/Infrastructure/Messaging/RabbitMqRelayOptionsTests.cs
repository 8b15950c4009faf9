using CustomerService.Infrastructure.Messaging.RabbitMq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerService.Tests.Infrastructure.Messaging;

public sealed class RabbitMqRelayOptionsTests
{
    [Test]
    public void NoUriMeansNoRelay()
    {
        using var provider = Services(new Dictionary<string, string?>()).BuildServiceProvider();
        Assert.That(provider.GetServices<IHostedService>(), Is.Empty);
        Assert.That(provider.GetService<IOutboxPublisher>(), Is.Null);
    }

    [Test]
    public void DefaultsApplyWhenOnlyTheUriIsSet()
    {
        var options = RabbitMqRelayOptions.Read(Configuration(new() { ["Messaging:RabbitMq:Uri"] = "amqp://guest:guest@127.0.0.1:5672/" }))!;
        Assert.Multiple(() =>
        {
            Assert.That(options.Exchange, Is.EqualTo("customer.events"));
            Assert.That(options.Lease, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(options.DegradedAfter, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(options.RetryInitial, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(options.RetryMax, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.BrokerForLogs, Is.EqualTo("127.0.0.1:5672 vhost '/'"));
        });
    }

    [TestCase("not a uri")]
    [TestCase("http://user:s3cret-pw@host/")]
    [TestCase("amqp://user:s3cret-pw@/")]
    public void AMalformedUriRefusesStartUpWithoutEchoingIt(string uri)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services(new() { ["Messaging:RabbitMq:Uri"] = uri }));
        Assert.That(error!.Message, Does.StartWith("Messaging:RabbitMq:Uri is not a valid"));
        Assert.That(error.Message, Does.Not.Contain("s3cret-pw"));
    }

    [TestCase("LeaseSeconds", "0")]
    [TestCase("LeaseSeconds", "-5")]
    [TestCase("DegradedAfterSeconds", "soon")]
    [TestCase("BatchSize", "0")]
    public void ANonPositiveSettingRefusesStartUpNamingIt(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services(new()
        {
            ["Messaging:RabbitMq:Uri"] = "amqp://guest:guest@127.0.0.1:5672/",
            [$"Messaging:RabbitMq:{key}"] = value,
        }));
        Assert.That(error!.Message, Does.StartWith($"Messaging:RabbitMq:{key} is '{value}'"));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddRabbitMqRelay(Configuration(settings));
        return services;
    }
}
