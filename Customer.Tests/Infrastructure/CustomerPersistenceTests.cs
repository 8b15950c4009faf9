using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Infrastructure.Persistence.SavedCopies;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Infrastructure;

/// <summary>The repository and unit of work against a real database of each kind.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class CustomerPersistenceTests(DatabaseKind database) : DatabaseFixture(database)
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = TestDatabase.Create(Database);

    [TearDown]
    public void DropDatabase() => _database.Dispose();

    [Test]
    public async Task RoundTripsEveryFieldWithAddressesInInsertionOrder()
    {
        var customer = NewCustomer("Round.Trip@Example.com", addressCount: 3);
        await SaveNewAsync(customer);

        await using var db = _database.CreateContext();
        var loaded = await new CustomerRepository(db, new SavedCustomerCopies()).FindForReadAsync(customer.Id, CancellationToken.None);

        Assert.That(loaded, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(loaded!.Email, Is.EqualTo("Round.Trip@Example.com"));
            Assert.That(loaded.NormalizedEmail, Is.EqualTo("round.trip@example.com"));
            Assert.That(loaded.Tags, Is.EqualTo(new[] { "VIP", "gold" }));
            Assert.That(loaded.Status, Is.EqualTo(CustomerStatus.Active));
            Assert.That(loaded.Version, Is.EqualTo(1));
            Assert.That(loaded.CreatedAt, Is.EqualTo(Now));
            Assert.That(loaded.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(loaded.Addresses.Select(a => a.Name), Is.EqualTo(new[] { "Address 0", "Address 1", "Address 2" }));
            Assert.That(loaded.Addresses.Select(a => a.Id), Is.EqualTo(customer.Addresses.Select(a => a.Id)));
        });
    }

    [Test]
    public async Task RaisesVersionByOnePerSaveThatChangesTheCustomer()
    {
        var customer = NewCustomer("version@example.com");
        await SaveNewAsync(customer);

        await using (var db = _database.CreateContext())
        {
            var loaded = await new CustomerRepository(db, new SavedCustomerCopies()).GetAsync(customer.Id, CancellationToken.None);
            loaded!.Rename("Jane", "Roe", Now.AddMinutes(1));
            loaded.SetStatus(CustomerStatus.Inactive, Now.AddMinutes(1));
            await db.SaveChangesAsync();
            Assert.That(loaded.Version, Is.EqualTo(2));
        }

        Assert.That(await StoredVersionAsync(customer.Id), Is.EqualTo(2));
    }

    [Test]
    public async Task RaisesVersionWhenOnlyAnAddressIsAdded()
    {
        var customer = NewCustomer("address-version@example.com", addressCount: 0);
        await SaveNewAsync(customer);

        await using (var db = _database.CreateContext())
        {
            var loaded = await new CustomerRepository(db, new SavedCustomerCopies()).GetAsync(customer.Id, CancellationToken.None);
            loaded!.AddAddress(Details("Home"), Now.AddMinutes(1));
            await db.SaveChangesAsync();
        }

        Assert.That(await StoredVersionAsync(customer.Id), Is.EqualTo(2));
    }

    [Test]
    public async Task LeavesVersionAloneWhenNothingChanged()
    {
        var customer = NewCustomer("unchanged@example.com");
        await SaveNewAsync(customer);

        await using (var db = _database.CreateContext())
        {
            var loaded = await new CustomerRepository(db, new SavedCustomerCopies()).GetAsync(customer.Id, CancellationToken.None);
            loaded!.Rename("John", "Doe", Now.AddMinutes(1));
            await db.SaveChangesAsync();
        }

        Assert.That(await StoredVersionAsync(customer.Id), Is.EqualTo(1));
    }

    [Test]
    public async Task RefusesASaveBasedOnAStaleVersion()
    {
        var customer = NewCustomer("stale@example.com");
        await SaveNewAsync(customer);

        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        var mine = await new CustomerRepository(first, new SavedCustomerCopies()).GetAsync(customer.Id, CancellationToken.None);
        var theirs = await new CustomerRepository(second, new SavedCustomerCopies()).GetAsync(customer.Id, CancellationToken.None);

        theirs!.Rename("Theirs", null, Now.AddMinutes(1));
        await second.SaveChangesAsync();
        mine!.Rename(null, "Mine", Now.AddMinutes(2));

        Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
        await using var check = _database.CreateContext();
        var stored = await check.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id);
        Assert.That((stored.FirstName, stored.LastName, stored.Version), Is.EqualTo(("Theirs", "Doe", 2)));
    }

    [Test]
    public async Task FindsEmailsTakenRegardlessOfCase()
    {
        await SaveNewAsync(NewCustomer("Taken@Example.com"));

        await using var db = _database.CreateContext();
        var repository = new CustomerRepository(db, new SavedCustomerCopies());

        Assert.That(await repository.IsEmailTakenAsync(EmailAddress.Create("TAKEN@example.COM").Normalized, CancellationToken.None), Is.True);
        Assert.That(await repository.IsEmailTakenAsync("free@example.com", CancellationToken.None), Is.False);
    }

    [Test]
    public async Task ReturnsNullGivenUnknownId()
    {
        await using var db = _database.CreateContext();
        var repository = new CustomerRepository(db, new SavedCustomerCopies());

        Assert.That(await repository.GetAsync("unknown", CancellationToken.None), Is.Null);
        Assert.That(await repository.FindForReadAsync("unknown", CancellationToken.None), Is.Null);
    }

    private static Customer NewCustomer(string email, int addressCount = 1) => Customer.Register(
        EmailAddress.Create(email),
        "hash",
        "John",
        "Doe",
        CustomerStatus.Active,
        ["VIP", "gold"],
        Enumerable.Range(0, addressCount).Select(i => Details($"Address {i}")),
        Now);

    private static AddressDetails Details(string name) =>
        new(name, "John", "Doe", "1 Main St", null, "61701", "Bloomington", "Illinois", "US", null, "2173203531", null);

    private async Task SaveNewAsync(Customer customer)
    {
        await using var db = _database.CreateContext();
        new CustomerRepository(db, new SavedCustomerCopies()).Add(customer);
        await db.SaveChangesAsync();
    }

    private async Task<int> StoredVersionAsync(string id)
    {
        await using var db = _database.CreateContext();
        return await db.Customers.Where(c => c.Id == id).Select(c => c.Version).SingleAsync();
    }
}
