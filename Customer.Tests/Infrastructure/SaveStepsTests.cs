using CustomerService.Application.Common.Persistence;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Infrastructure.Persistence.SaveSteps;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Tests.Infrastructure;

/// <summary>Each save step on its own, on a real database of each kind: one job each, and nothing of the other's.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class SaveStepsTests(DatabaseKind database) : DatabaseFixture(database)
{
    private static readonly DateTime Later = CustomerBuilder.RegisteredAt.AddHours(1);
    private TestDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = TestDatabase.Create(Database);

    [TearDown]
    public void DropDatabase() => _database.Dispose();

    [Test]
    public async Task TheVersionStepRaisesTheVersionAndLeavesTheEventsOnTheAggregate()
    {
        var customer = await SaveNewAsync();
        await using var db = ContextWith(new CustomerVersionInterceptor());
        var loaded = await db.Customers.Include(c => c.Addresses).SingleAsync(c => c.Id == customer.Id);

        loaded.Rename("Jane", null, Later);
        await db.SaveChangesAsync();

        Assert.That(loaded.Version, Is.EqualTo(2));
        Assert.That(loaded.DomainEvents, Has.Count.EqualTo(1), "collecting events is the other step's job");
        Assert.That(((IUnitOfWork)db).TakeCommittedEvents(), Is.Empty);
    }

    [Test]
    public async Task TheVersionStepRaisesTheVersionWhenOnlyAnAddressIsRemoved()
    {
        var customer = await SaveNewAsync(CustomerBuilder.Address("Home"), CustomerBuilder.Address("Work"));
        await using var db = ContextWith(new CustomerVersionInterceptor());
        var loaded = await db.Customers.Include(c => c.Addresses).SingleAsync(c => c.Id == customer.Id);

        loaded.RemoveAddress(loaded.Addresses[0].Id, Later);
        await db.SaveChangesAsync();

        Assert.That(await StoredVersionAsync(customer.Id), Is.EqualTo(2));
    }

    [Test]
    public async Task TheVersionStepLeavesARemovedCustomersVersionAsItWas()
    {
        var customer = await SaveNewAsync(CustomerBuilder.Address("Home"));
        await using var db = ContextWith(new CustomerVersionInterceptor());
        var loaded = await db.Customers.Include(c => c.Addresses).SingleAsync(c => c.Id == customer.Id);

        db.Customers.Remove(loaded);
        await db.SaveChangesAsync();

        Assert.That(loaded.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task TheEventStepCommitsTheEventsButNeverRaisesTheVersion()
    {
        var customer = await SaveNewAsync();
        await using var db = ContextWith(new CommittedEventsInterceptor());
        var loaded = await db.Customers.SingleAsync(c => c.Id == customer.Id);

        loaded.Rename("Jane", null, Later);
        await db.SaveChangesAsync();

        Assert.That(await StoredVersionAsync(customer.Id), Is.EqualTo(1), "raising versions is the other step's job");
        var committed = ((IUnitOfWork)db).TakeCommittedEvents().Single();
        Assert.That(committed.Event, Is.TypeOf<CustomerUpdated>().With.Property(nameof(CustomerUpdated.ChangedFields)).EqualTo(new[] { "firstName" }));
        Assert.That(committed.StoredVersion, Is.EqualTo(1));
        Assert.That(loaded.DomainEvents, Is.Empty);
    }

    [Test]
    public void TheEventLogCommitsOnlyWhatASucceedingSaveNoted()
    {
        var log = new CommittedEventLog();
        var abandoned = new CustomerBuilder().WithEmail("abandoned@example.com").Build();
        var committed = new CustomerBuilder().WithEmail("committed@example.com").Build();

        log.Saving([abandoned]);
        log.Abandon();
        log.Saving([committed]);
        log.Commit();

        Assert.That(log.Take(), Is.EqualTo(new[] { new CommittedEvent(new CustomerCreated(committed.Id), 1) }));
        Assert.That(log.Take(), Is.Empty, "taken once");
        Assert.That(abandoned.DomainEvents, Has.Count.EqualTo(1), "an abandoned save leaves its events pending");
        Assert.That(committed.DomainEvents, Is.Empty);
    }

    private CustomerDbContext ContextWith(IInterceptor step) => _database.CreateContextWith(step);

    private async Task<Customer> SaveNewAsync(params AddressDetails[] addresses)
    {
        var customer = new CustomerBuilder().WithEmail($"steps.{Guid.NewGuid():N}@example.com").WithAddresses(addresses).Build();
        await using var db = _database.CreateContext();
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer;
    }

    private async Task<int> StoredVersionAsync(string id)
    {
        await using var db = _database.CreateContext();
        return await db.Customers.Where(c => c.Id == id).Select(c => c.Version).SingleAsync();
    }
}
