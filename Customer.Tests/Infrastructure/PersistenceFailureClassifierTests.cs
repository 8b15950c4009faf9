using CustomerService.Application.Common.Persistence;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Tests.Support;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerService.Tests.Infrastructure;

/// <summary>Real provider exceptions, provoked on a real database of each kind, and what the classifier makes of them.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class PersistenceFailureClassifierTests(DatabaseKind database) : DatabaseFixture(database)
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
    private readonly PersistenceFailureClassifier _classifier = new();
    private TestDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = TestDatabase.Create(Database);

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
            "INSERT INTO \"CustomerAddresses\" (\"Id\", \"CustomerId\", \"Position\", \"Name\", \"FirstName\", \"Address1\", \"PostCode\", \"City\", \"State\", \"Country\") " +
            "VALUES ('a1', 'removed-customer', 0, 'Home', 'Ann', 'Street 1', '12345', 'Town', 'State', 'US')"));

        Assert.That(IsForeignKeyViolation(exception), Is.True, exception?.ToString());
        Assert.That(_classifier.Classify(exception!), Is.EqualTo(new PersistenceFailure(PersistenceFailureKind.ConcurrencyConflict)));
    }

    [Test]
    public void LeavesUnrelatedExceptionsUnclassified()
    {
        Assert.That(_classifier.Classify(new InvalidOperationException("a bug")), Is.Null);
        Assert.That(_classifier.Classify(new DbUpdateException("wrapped", new ArgumentException("a bug"))), Is.Null);
    }

    private static bool IsForeignKeyViolation(Exception? exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 787,
        SqlException sqlServer => sqlServer.Number == 547,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };

    private static Customer NewCustomer(string email) =>
        Customer.Register(EmailAddress.Create(email), "hash", "John", "Doe", CustomerStatus.Active, [], [], Now);
}
