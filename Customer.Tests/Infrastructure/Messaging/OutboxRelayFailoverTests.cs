using CustomerService.Infrastructure.Messaging.Outbox;
using CustomerService.Tests.Support;
using CustomerService.Tests.Support.RabbitMq;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Infrastructure.Messaging;

/// <summary>Relays sharing one database (two service providers, as two instances would): one relays at a time, and it fails over.</summary>
public sealed class OutboxRelayFailoverTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static Dictionary<string, string> Settings(int leaseSeconds = 3) => new()
    {
        ["Uri"] = "amqp://guest:guest@127.0.0.1:5672/",
        ["LeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PollMilliseconds"] = "100",
        ["RetryInitialMilliseconds"] = "50",
        ["RetryMaxSeconds"] = "1",
    };

    [Test]
    public async Task OfTwoRelaysOnOneDatabaseOnlyOnePublishes()
    {
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var (first, second) = (new RelayFakePublisher(), new RelayFakePublisher());
        await using var one = RelayHarness.Create(database, Settings(), first);
        await using var two = RelayHarness.Create(database, Settings(), second);
        await one.StartAsync();
        await two.StartAsync();
        for (var version = 1; version <= 20; version++)
        {
            await RelayOutbox.AddAsync(database, $"cust-{version % 3}", version);
            await Task.Delay(50);
        }

        Assert.That(await RelayOutbox.EventuallyAsync(async () => (await RelayOutbox.PendingIdsAsync(database)).Count == 0, Patience), Is.True);
        Assert.That(new[] { first.Attempts.Count, second.Attempts.Count }, Is.EquivalentTo(new[] { 0, 20 }), "one relay published everything, once");
    }

    [Test]
    public async Task ADeadHoldersLeaseIsTakenOverAfterItExpires()
    {
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await SetLeaseAsync(database, "dead-instance", DateTime.UtcNow.AddSeconds(3));
        await RelayOutbox.AddAsync(database, "cust-1", 1);
        var publisher = new RelayFakePublisher();
        await using var relay = RelayHarness.Create(database, Settings(), publisher);
        await relay.StartAsync();

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.That(publisher.Attempts, Is.Empty, "the lease is still the dead holder's");
        Assert.That(await RelayOutbox.EventuallyAsync(async () => (await RelayOutbox.PendingIdsAsync(database)).Count == 0, TimeSpan.FromSeconds(5)), Is.True,
            "taken over within the lease time after expiry");
    }

    [Test]
    public async Task AHolderThatCannotRenewStopsRelaying()
    {
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var publisher = new RelayFakePublisher();
        await using var relay = RelayHarness.Create(database, Settings(), publisher);
        await relay.StartAsync();
        await RelayOutbox.AddAsync(database, "cust-1", 1);
        Assert.That(await RelayOutbox.EventuallyAsync(async () => (await RelayOutbox.PendingIdsAsync(database)).Count == 0, Patience), Is.True);

        await SetLeaseAsync(database, "another-instance", DateTime.UtcNow.AddHours(1));
        Assert.That(await RelayOutbox.EventuallyAsync(() => Task.FromResult(relay.Logs.Containing("could not be renewed").Count > 0), Patience), Is.True);
        await RelayOutbox.AddAsync(database, "cust-1", 2);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.That(publisher.Attempts, Has.Count.EqualTo(1), "nothing more is published without the lease");
    }

    [Test]
    public async Task AGracefulStopReleasesTheLeaseSoAnotherRelayTakesOverAtOnce()
    {
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var (first, second) = (new RelayFakePublisher(), new RelayFakePublisher());
        await using var one = RelayHarness.Create(database, Settings(leaseSeconds: 60), first);
        await one.StartAsync();
        await RelayOutbox.AddAsync(database, "cust-1", 1);
        Assert.That(await RelayOutbox.EventuallyAsync(() => Task.FromResult(first.Attempts.Count == 1), Patience), Is.True);
        await one.StopAsync();

        await using var two = RelayHarness.Create(database, Settings(leaseSeconds: 60), second);
        await two.StartAsync();
        await RelayOutbox.AddAsync(database, "cust-1", 2);
        Assert.That(await RelayOutbox.EventuallyAsync(() => Task.FromResult(second.Attempts.Count == 1), TimeSpan.FromSeconds(5)), Is.True,
            "well within the 60 s lease: the stopped relay released it");
    }

    private static async Task SetLeaseAsync(TestDatabase database, string holder, DateTime expiresAt)
    {
        await using var db = database.CreateContextWith();
        await db.MessagingLeases.Where(l => l.Name == MessagingLease.OutboxRelay)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expiresAt));
    }
}
