using System.Diagnostics;
using System.Text;
using CustomerService.Infrastructure.Messaging.RabbitMq;
using CustomerService.Tests.Support;
using CustomerService.Tests.Support.RabbitMq;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace CustomerService.Tests.Infrastructure.Messaging;

/// <summary>The relay with the real publisher against the real broker (<c>CUSTOMER_TEST_RABBITMQ</c>), each test on exchanges and queues of its own.</summary>
[NonParallelizable]
public sealed class RabbitMqRelayBrokerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static Dictionary<string, string> Settings(string uri, string exchange) => new()
    {
        ["Uri"] = uri,
        ["Exchange"] = exchange,
        ["LeaseSeconds"] = "3",
        ["PollMilliseconds"] = "100",
        ["RetryInitialMilliseconds"] = "100",
        ["RetryMaxSeconds"] = "1",
        ["RecoveryIntervalSeconds"] = "1",
        ["ConfirmTimeoutSeconds"] = "5",
    };

    [Test]
    public async Task PublishesThePayloadWithTheContractsPropertiesAndMarksItSentOnConfirm()
    {
        await using var broker = await RelayBroker.ConnectAsync();
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var exchange = broker.NewExchange();
        var queue = await broker.BindQueueAsync(exchange, "customer.*");
        var id = await RelayOutbox.AddAsync(database, "cust-1", 4, "customer.updated");
        var stored = await RelayOutbox.MessageAsync(database, id);
        await using var relay = RelayHarness.Create(database, Settings(broker.Uri, exchange));
        await relay.StartAsync();

        var delivered = await broker.GetAsync(queue, Patience);
        Assert.That(delivered, Is.Not.Null, "the event reaches a bound queue");
        Assert.Multiple(() =>
        {
            Assert.That(delivered!.Exchange, Is.EqualTo(exchange));
            Assert.That(delivered.RoutingKey, Is.EqualTo("customer.updated"));
            Assert.That(delivered.BasicProperties.ContentType, Is.EqualTo("application/cloudevents+json"));
            Assert.That(delivered.BasicProperties.MessageId, Is.EqualTo(stored.EventId));
            Assert.That(delivered.BasicProperties.DeliveryMode, Is.EqualTo(DeliveryModes.Persistent));
            Assert.That(Encoding.UTF8.GetString(delivered.Body.Span), Is.EqualTo(stored.Payload), "the body is the stored CloudEvent, byte for byte");
        });
        Assert.That(await RelayOutbox.EventuallyAsync(async () => (await RelayOutbox.PendingIdsAsync(database)).Count == 0, Patience), Is.True, "confirmed, so marked sent");
        Assert.That(relay.Measurements.Sum("customer_service.outbox.published"), Is.EqualTo(1));
        Assert.That(relay.Measurements.Sum("customer_service.outbox.unrouted"), Is.Zero);
    }

    [Test]
    public async Task ANackedPublishIsNeverMarkedSentAndGoesOutOnceTheQueueTakesIt()
    {
        await using var broker = await RelayBroker.ConnectAsync();
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var exchange = broker.NewExchange();
        var full = await broker.BindQueueAsync(exchange, "#", new Dictionary<string, object?> { ["x-max-length"] = 1, ["x-overflow"] = "reject-publish" });
        await broker.Channel.BasicPublishAsync(string.Empty, full, Encoding.UTF8.GetBytes("filler"));
        var id = await RelayOutbox.AddAsync(database, "cust-1", 1);
        await using var relay = RelayHarness.Create(database, Settings(broker.Uri, exchange));
        await relay.StartAsync();

        Assert.That(await RelayOutbox.EventuallyAsync(() => Task.FromResult(relay.Measurements.Sum("customer_service.outbox.failed") >= 2), Patience), Is.True,
            "the broker nacks every attempt while the queue is full");
        Assert.That(await RelayOutbox.PendingIdsAsync(database), Is.EqualTo(new[] { id }), "a nacked publish is not sent");
        Assert.That(relay.Measurements.Sum("customer_service.outbox.published"), Is.Zero);

        await broker.Channel.QueuePurgeAsync(full);
        Assert.That(await RelayOutbox.EventuallyAsync(async () => (await RelayOutbox.PendingIdsAsync(database)).Count == 0, Patience), Is.True, "retried and confirmed once there is room");
        var delivered = await broker.GetAsync(full, Patience);
        Assert.That(delivered?.BasicProperties.MessageId, Is.EqualTo((await RelayOutbox.MessageAsync(database, id)).EventId));
    }

    [Test]
    public async Task AnUnroutedEventCountsAsSentAndIsLoggedOncePerType()
    {
        await using var broker = await RelayBroker.ConnectAsync();
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var exchange = broker.NewExchange();
        await RelayOutbox.AddAsync(database, "cust-1", 1, "customer.created");
        await RelayOutbox.AddAsync(database, "cust-1", 2);
        await RelayOutbox.AddAsync(database, "cust-2", 1, "customer.created");
        await RelayOutbox.AddAsync(database, "cust-2", 2);
        await RelayOutbox.AddAsync(database, "cust-2", 3);
        await using var relay = RelayHarness.Create(database, Settings(broker.Uri, exchange));
        await relay.StartAsync();

        Assert.That(await RelayOutbox.EventuallyAsync(async () => (await RelayOutbox.PendingIdsAsync(database)).Count == 0, Patience), Is.True, "no subscriber is not a failure");
        Assert.That(relay.Measurements.Sum("customer_service.outbox.unrouted"), Is.EqualTo(5));
        Assert.That(relay.Measurements.Sum("customer_service.outbox.failed"), Is.Zero);
        var logged = relay.Logs.Containing("No queue takes");
        Assert.That(logged.Select(l => l.Message).ToList(), Has.Count.EqualTo(2).And.Some.Contains("customer.created").And.Some.Contains("customer.updated"));
    }

    [Test]
    public async Task ALostConnectionIsLoggedOnceEachWayAndRelayingResumes()
    {
        await using var broker = await RelayBroker.ConnectAsync();
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var exchange = broker.NewExchange();
        var queue = await broker.BindQueueAsync(exchange);
        await RelayOutbox.AddAsync(database, "cust-1", 1);
        await using var relay = RelayHarness.Create(database, Settings(broker.Uri, exchange));
        await relay.StartAsync();
        Assert.That(await broker.GetAsync(queue, Patience), Is.Not.Null);

        await RelayBroker.CloseRelayConnectionsAsync(exchange);
        await RelayOutbox.AddAsync(database, "cust-1", 2);

        Assert.That(await broker.GetAsync(queue, Patience), Is.Not.Null, "the recovered connection delivers what was written meanwhile");
        Assert.That(await RelayOutbox.EventuallyAsync(() => Task.FromResult(relay.Logs.Containing("is back").Count == 1), Patience), Is.True);
        Assert.That(relay.Logs.Lines.Where(l => l.Level == LogLevel.Warning && l.Message.Contains("unreachable", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(1));
        Assert.That(relay.Logs.Lines.Select(l => l.Message), Has.None.Contains("guest:guest"), "the URI's credentials are never logged");
    }

    [Test]
    public async Task AnUnreachableBrokerLeavesEventsPendingWithoutDelayingStartUp()
    {
        // Port 1 refuses connections: no broker needed for this case.
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var id = await RelayOutbox.AddAsync(database, "cust-1", 1);
        await using var relay = RelayHarness.Create(database, Settings("amqp://relay:s3cret-pw@127.0.0.1:1/", "relay-test-unreachable"));
        var started = Stopwatch.StartNew();
        await relay.StartAsync();
        Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "start-up does not wait for the broker");

        Assert.That(await RelayOutbox.EventuallyAsync(() => Task.FromResult(relay.Logs.Containing("unreachable").Count > 0), Patience), Is.True);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.That(await RelayOutbox.PendingIdsAsync(database), Is.EqualTo(new[] { id }));
        Assert.That(relay.Logs.Containing("unreachable"), Has.Count.EqualTo(1), "logged once per transition, not per attempt");
        Assert.That(relay.Logs.Lines.Select(l => l.Message), Has.None.Contains("s3cret-pw"));
        Assert.That(relay.Logs.Containing("127.0.0.1:1").Count, Is.EqualTo(1), "host and port are named");
    }

    [Test]
    [Explicit("a measurement, not a check: run by hand")]
    public async Task MeasuresConfirmedPublishThroughput()
    {
        await using var broker = await RelayBroker.ConnectAsync();
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var exchange = broker.NewExchange();
        await broker.BindQueueAsync(exchange);
        const int Count = 2000;
        for (var i = 0; i < Count; i++)
        {
            await RelayOutbox.AddAsync(database, $"cust-{i % 200}", (i / 200) + 1);
        }

        await using var relay = RelayHarness.Create(database, Settings(broker.Uri, exchange));
        var stopwatch = Stopwatch.StartNew();
        await relay.StartAsync();
        Assert.That(await RelayOutbox.EventuallyAsync(async () => (await RelayOutbox.PendingIdsAsync(database)).Count == 0, TimeSpan.FromMinutes(2)), Is.True);
        TestContext.Out.WriteLine($"{Count} confirmed in {stopwatch.Elapsed.TotalSeconds:F1} s: {Count / stopwatch.Elapsed.TotalSeconds:F0} messages/s");
    }
}
