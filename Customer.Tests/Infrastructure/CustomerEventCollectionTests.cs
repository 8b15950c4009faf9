using CustomerService.Application.Common.Persistence;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Infrastructure;

/// <summary>The unit of work hands on an aggregate's events only after a successful save, with the version it stored.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class CustomerEventCollectionTests(DatabaseKind database) : DatabaseFixture(database)
{
    private static readonly DateTime Later = CustomerBuilder.RegisteredAt.AddHours(1);
    private TestDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = TestDatabase.Create(Database);

    [TearDown]
    public void DropDatabase() => _database.Dispose();

    [Test]
    public async Task ASuccessfulSaveHandsOnTheEventsWithTheStoredVersionAndClearsThem()
    {
        var customer = new CustomerBuilder().WithEmail("collect@example.com").Build();
        await using var db = _database.CreateContext();
        IUnitOfWork unitOfWork = db;
        db.Customers.Add(customer);
        await unitOfWork.SaveChangesAsync(CancellationToken.None);
        var created = unitOfWork.TakeCommittedEvents();

        customer.Rename("Jane", null, Later);
        await unitOfWork.SaveChangesAsync(CancellationToken.None);
        var updated = unitOfWork.TakeCommittedEvents();

        Assert.That(created, Is.EqualTo(new[] { new CommittedEvent(new CustomerCreated(customer.Id), 1) }));
        Assert.That(updated.Single().StoredVersion, Is.EqualTo(2));
        Assert.That(((CustomerUpdated)updated.Single().Event).OldVersion, Is.EqualTo(1));
        Assert.That(customer.DomainEvents, Is.Empty);
        Assert.That(unitOfWork.TakeCommittedEvents(), Is.Empty, "taken once");
    }

    [Test]
    public async Task AFailedSaveHandsOnNothingAndKeepsTheEventsPending()
    {
        var customer = new CustomerBuilder().WithEmail("conflict@example.com").Build();
        await using (var setup = _database.CreateContext())
        {
            setup.Customers.Add(customer);
            await setup.SaveChangesAsync();
        }

        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        var mine = await first.Customers.SingleAsync(c => c.Id == customer.Id);
        var theirs = await second.Customers.SingleAsync(c => c.Id == customer.Id);
        theirs.Rename("Theirs", null, Later);
        await second.SaveChangesAsync();
        mine.Rename(null, "Mine", Later);
        IUnitOfWork unitOfWork = first;

        Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => unitOfWork.SaveChangesAsync(CancellationToken.None));
        Assert.That(unitOfWork.TakeCommittedEvents(), Is.Empty);
        Assert.That(mine.DomainEvents, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ARemovalIsHandedOnWithTheLastVersion()
    {
        var customer = new CustomerBuilder().WithEmail("removed@example.com").Build();
        await using var db = _database.CreateContext();
        IUnitOfWork unitOfWork = db;
        db.Customers.Add(customer);
        await unitOfWork.SaveChangesAsync(CancellationToken.None);
        unitOfWork.TakeCommittedEvents();

        customer.MarkRemoved();
        db.Customers.Remove(customer);
        await unitOfWork.SaveChangesAsync(CancellationToken.None);

        Assert.That(unitOfWork.TakeCommittedEvents(), Is.EqualTo(new[] { new CommittedEvent(new CustomerRemoved(customer.Id), 1) }));
    }
}
