using CustomerService.Infrastructure.Messaging.Outbox;
using CustomerService.Infrastructure.Messaging.RabbitMq;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Infrastructure.Messaging;

/// <summary>The relay lease's one conditional UPDATE, on every provider, with clocks the tests move.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class RelayLeaseTests(DatabaseKind kind) : DatabaseFixture(kind)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly RabbitMqRelayOptions Options = new() { Uri = new Uri("amqp://localhost/"), Lease = TimeSpan.FromSeconds(3) };

    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _database = TestDatabase.Create(Database);
        _services = new ServiceCollection().AddScoped<CustomerDbContext>(_ => _database.CreateContextWith()).BuildServiceProvider();
    }

    [TearDown]
    public async Task DropDatabase()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task AFreeLeaseIsTakenAndRenewedByItsHolder()
    {
        var clock = new FixedTimeProvider(Start);
        var lease = NewLease(clock);

        Assert.That(await lease.TryAcquireAsync(CancellationToken.None), Is.True, "the seeded row is free");
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.That(await lease.TryAcquireAsync(CancellationToken.None), Is.True, "the holder renews before expiry");
        var row = await RowAsync();
        Assert.That(row.Holder, Is.EqualTo(lease.Holder));
        Assert.That(row.ExpiresAt, Is.EqualTo(clock.UtcNow + Options.Lease));
    }

    [Test]
    public async Task AnotherRelayIsRefusedUntilTheLeaseExpires()
    {
        var clock = new FixedTimeProvider(Start);
        var holder = NewLease(clock);
        var other = NewLease(clock);
        Assert.That(other.Holder, Is.Not.EqualTo(holder.Holder), "every relay has a holder id of its own");
        Assert.That(await holder.TryAcquireAsync(CancellationToken.None), Is.True);

        clock.Now += TimeSpan.FromSeconds(2.9);
        Assert.That(await other.TryAcquireAsync(CancellationToken.None), Is.False, "held and not yet expired");
        clock.Now += TimeSpan.FromSeconds(0.2);
        Assert.That(await other.TryAcquireAsync(CancellationToken.None), Is.True, "a holder that stopped renewing is replaced after expiry");
        Assert.That(await holder.TryAcquireAsync(CancellationToken.None), Is.False, "the old holder cannot renew: it must stop relaying");
    }

    [Test]
    public async Task AReleasedLeaseIsTakenAtOnce()
    {
        var clock = new FixedTimeProvider(Start);
        var holder = NewLease(clock);
        var other = NewLease(clock);
        await holder.TryAcquireAsync(CancellationToken.None);

        await other.ReleaseAsync(CancellationToken.None);
        Assert.That(await other.TryAcquireAsync(CancellationToken.None), Is.False, "only the holder's release counts");
        await holder.ReleaseAsync(CancellationToken.None);
        Assert.That(await other.TryAcquireAsync(CancellationToken.None), Is.True, "no wait for expiry after a graceful stop");
    }

    private RelayLease NewLease(TimeProvider clock) => new(_services.GetRequiredService<IServiceScopeFactory>(), Options, clock);

    private async Task<MessagingLease> RowAsync()
    {
        await using var db = _database.CreateContextWith();
        return await db.MessagingLeases.AsNoTracking().SingleAsync(l => l.Name == MessagingLease.OutboxRelay);
    }
}
