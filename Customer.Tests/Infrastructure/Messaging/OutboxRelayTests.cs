using CustomerService.Infrastructure.Messaging.RabbitMq;
using CustomerService.Tests.Support;
using CustomerService.Tests.Support.RabbitMq;

namespace CustomerService.Tests.Infrastructure.Messaging;

/// <summary>The relay loop against a fake publisher on a real (SQLite) database: order, failures, metrics.</summary>
public sealed class OutboxRelayTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static Dictionary<string, string> Settings => new()
    {
        ["Uri"] = "amqp://guest:guest@127.0.0.1:5672/",
        ["LeaseSeconds"] = "3",
        ["PollMilliseconds"] = "100",
        ["RetryInitialMilliseconds"] = "50",
        ["RetryMaxSeconds"] = "1",
    };

    [Test]
    public async Task PublishesEachCustomersEventsInVersionOrderAndMarksThemSent()
    {
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        foreach (var (customer, version) in new[] { ("a", 1), ("b", 1), ("a", 2), ("c", 1), ("b", 2), ("a", 3), ("c", 2), ("b", 3) })
        {
            await RelayOutbox.AddAsync(database, customer, version);
        }

        var publisher = new RelayFakePublisher();
        await using var relay = RelayHarness.Create(database, Settings, publisher);
        await relay.StartAsync();

        Assert.That(await RelayOutbox.EventuallyAsync(async () => (await RelayOutbox.PendingIdsAsync(database)).Count == 0, Patience), Is.True, "every confirmed message is marked sent");
        foreach (var customer in new[] { "a", "b", "c" })
        {
            var versions = publisher.Sent.Where(m => m.CustomerId == customer).Select(m => m.Id).ToList();
            Assert.That(versions, Is.Ordered, $"customer {customer}'s events go out in id (version) order");
        }

        Assert.That(publisher.Sent, Has.Count.EqualTo(8));
        Assert.That(relay.Measurements.Sum("customer_service.outbox.published"), Is.EqualTo(8));
        Assert.That(relay.Measurements.Values("customer_service.outbox.confirm_latency"), Has.Count.EqualTo(8).And.All.GreaterThanOrEqualTo(0));
    }

    [Test]
    public async Task HoldsBackACustomersLaterEventsWhenOneFailsWhileOthersGoOn()
    {
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var a1 = await RelayOutbox.AddAsync(database, "a", 1);
        var a2 = await RelayOutbox.AddAsync(database, "a", 2);
        var b1 = await RelayOutbox.AddAsync(database, "b", 1);
        var a3 = await RelayOutbox.AddAsync(database, "a", 3);
        var b2 = await RelayOutbox.AddAsync(database, "b", 2);
        var b3 = await RelayOutbox.AddAsync(database, "b", 3);
        var a2Fails = true;
        var publisher = new RelayFakePublisher { Decide = m => m.Id == a2 && Volatile.Read(ref a2Fails) ? PublishOutcome.Failed : PublishOutcome.Confirmed };
        await using var relay = RelayHarness.Create(database, Settings, publisher);
        await relay.StartAsync();

        Assert.That(await RelayOutbox.EventuallyAsync(async () => (await RelayOutbox.PendingIdsAsync(database)).SequenceEqual([a2, a3]), Patience), Is.True,
            "b's events and a's first go out; a's second failed and its third waits");
        Assert.That(await RelayOutbox.EventuallyAsync(() => Task.FromResult(publisher.Attempts.Count(x => x.Message.Id == a2) >= 3), Patience), Is.True, "a2 is retried each round");
        Assert.That(publisher.Attempts.Select(x => x.Message.Id), Has.No.Member(a3), "a3 is never published while a2 has not been");
        Assert.That(publisher.Sent.Select(m => m.Id), Is.SupersetOf(new[] { a1, b1, b2, b3 }));
        Assert.That(relay.Measurements.Sum("customer_service.outbox.failed"), Is.GreaterThanOrEqualTo(3));

        Volatile.Write(ref a2Fails, false);
        Assert.That(await RelayOutbox.EventuallyAsync(async () => (await RelayOutbox.PendingIdsAsync(database)).Count == 0, Patience), Is.True);
        Assert.That(publisher.Sent.Where(m => m.CustomerId == "a").Select(m => m.Id), Is.EqualTo(new[] { a1, a2, a3 }));
    }

    [Test]
    public async Task AnUnconfirmedPublishIsNotMarkedSent()
    {
        // Failed is what the publisher answers for a nack, a confirm timeout and a connection lost mid-publish.
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var id = await RelayOutbox.AddAsync(database, "a", 1);
        var publisher = new RelayFakePublisher { Decide = _ => PublishOutcome.Failed };
        await using var relay = RelayHarness.Create(database, Settings, publisher);
        await relay.StartAsync();

        Assert.That(await RelayOutbox.EventuallyAsync(() => Task.FromResult(publisher.Attempts.Count >= 3), Patience), Is.True);
        Assert.That(await RelayOutbox.PendingIdsAsync(database), Is.EqualTo(new[] { id }));
        Assert.That(relay.Measurements.Sum("customer_service.outbox.published"), Is.Zero);
    }

    [Test]
    public async Task AnUnreachableBrokerLeavesTheBacklogPendingAndVisibleInTheGauges()
    {
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var oldest = await RelayOutbox.AddAsync(database, "a", 1, occurredAt: DateTime.UtcNow.AddSeconds(-30));
        await RelayOutbox.AddAsync(database, "b", 1);
        var publisher = new RelayFakePublisher { Reachable = false };
        await using var relay = RelayHarness.Create(database, Settings, publisher);
        await relay.StartAsync();

        Assert.That(await RelayOutbox.EventuallyAsync(() => Task.FromResult(publisher.ConnectAttempts >= 3), Patience), Is.True, "the relay keeps trying");
        Assert.That(publisher.Attempts, Is.Empty);
        Assert.That(await RelayOutbox.PendingIdsAsync(database), Has.Count.EqualTo(2).And.Member(oldest));
        relay.Measurements.ReadGauges();
        Assert.That(relay.Measurements.Values("customer_service.outbox.backlog"), Has.Member(2d));
        Assert.That(relay.Measurements.Values("customer_service.outbox.oldest_age").Max(), Is.GreaterThanOrEqualTo(29));

        publisher.Reachable = true;
        Assert.That(await RelayOutbox.EventuallyAsync(async () => (await RelayOutbox.PendingIdsAsync(database)).Count == 0, Patience), Is.True, "it delivers once the broker is back");
    }

    [Test]
    public void TheBackoffDoublesToItsCap()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        var waits = Enumerable.Range(0, 9).Select(_ => backoff.Next().TotalSeconds).ToList();
        Assert.That(waits, Is.EqualTo(new[] { 0.5, 1, 2, 4, 8, 16, 30, 30, 30 }));
        backoff.Reset();
        Assert.That(backoff.Next(), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
    }
}
