using CustomerService.Application.Common.Persistence;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Infrastructure;

/// <summary>Real provider exceptions, provoked on a real SQLite database, and what the classifier makes of them.</summary>
public sealed class PersistenceFailureClassifierTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
    private readonly PersistenceFailureClassifier _classifier = new();
    private SqliteTestDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = new SqliteTestDatabase();

    [TearDown]
    public void DropDatabase() => _database.Dispose();

    [Test]
    public async Task ClassifiesTheEmailIndexViolationAsDuplicateEmailWithTheValueSaved()
    {
        await using (var db = _database.CreateContext())
        {
            db.Customers.Add(NewCustomer("someone@example.com"));
            await db.SaveChangesAsync();
        }

        await using var second = _database.CreateContext();
        second.Customers.Add(NewCustomer("SomeOne@Example.com"));
        var exception = Assert.CatchAsync(() => second.SaveChangesAsync());

        Assert.That(_classifier.Classify(exception!), Is.EqualTo(
            new PersistenceFailure(PersistenceFailureKind.UniqueViolation, "email", "SomeOne@Example.com")));
    }

    [Test]
    public async Task ClassifiesAStaleSaveAsAConcurrencyConflict()
    {
        var customer = NewCustomer("conflict@example.com");
        await using (var db = _database.CreateContext())
        {
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
        }

        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        var mine = await first.Customers.SingleAsync(c => c.Id == customer.Id);
        var theirs = await second.Customers.SingleAsync(c => c.Id == customer.Id);
        theirs.Rename("Theirs", null, Now);
        await second.SaveChangesAsync();
        mine.Rename("Mine", null, Now);
        var exception = Assert.CatchAsync(() => first.SaveChangesAsync());

        Assert.That(_classifier.Classify(exception!), Is.EqualTo(new PersistenceFailure(PersistenceFailureKind.ConcurrencyConflict)));
    }

    [Test]
    public async Task ClassifiesAnAddressForARemovedCustomerAsAConcurrencyConflict()
    {
        await using var db = _database.CreateContext();
        var exception = Assert.CatchAsync(() => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO CustomerAddresses (Id, CustomerId, Position, Name, FirstName, Address1, PostCode, City, State, Country) " +
            "VALUES ('a1', 'removed-customer', 0, 'Home', 'Ann', 'Street 1', '12345', 'Town', 'State', 'US')"));

        Assert.That(exception, Is.InstanceOf<SqliteException>().With.Property(nameof(SqliteException.SqliteExtendedErrorCode)).EqualTo(787));
        Assert.That(_classifier.Classify(exception!), Is.EqualTo(new PersistenceFailure(PersistenceFailureKind.ConcurrencyConflict)));
    }

    [Test]
    public void ClassifiesADatabaseThatCannotBeOpenedAsUnavailable()
    {
        var missingDirectory = Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}", "customers.db");
        using var db = _database.CreateContext($"Data Source={missingDirectory}");

        var exception = Assert.CatchAsync(() => db.Customers.AnyAsync());

        Assert.That(_classifier.Classify(exception!)?.Kind, Is.EqualTo(PersistenceFailureKind.Unavailable));
    }

    [Test]
    public async Task ClassifiesADatabaseLockedBeyondItsTimeoutAsUnavailable()
    {
        await using var holder = new SqliteConnection(_database.ConnectionString);
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();
        }

        await using var db = _database.CreateContext($"{_database.ConnectionString};Default Timeout=1");
        db.Customers.Add(NewCustomer("locked@example.com"));
        var exception = Assert.CatchAsync(() => db.SaveChangesAsync());

        Assert.That(_classifier.Classify(exception!)?.Kind, Is.EqualTo(PersistenceFailureKind.Unavailable));
    }

    [Test]
    public void LeavesUnrelatedExceptionsUnclassified()
    {
        Assert.That(_classifier.Classify(new InvalidOperationException("a bug")), Is.Null);
        Assert.That(_classifier.Classify(new DbUpdateException("wrapped", new ArgumentException("a bug"))), Is.Null);
    }

    private static Customer NewCustomer(string email) =>
        Customer.Register(EmailAddress.Create(email), "hash", "John", "Doe", CustomerStatus.Active, [], [], Now);
}
