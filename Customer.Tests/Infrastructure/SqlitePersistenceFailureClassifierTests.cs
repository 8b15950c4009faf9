using CustomerService.Application.Common.Persistence;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Infrastructure;

// SQLite-only: a missing directory and a file lock have no server counterpart.
/// <summary>SQLite's own failures (a file that cannot be opened, a lock held too long) and what the classifier makes of them.</summary>
public sealed class SqlitePersistenceFailureClassifierTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
    private readonly PersistenceFailureClassifier _classifier = new();
    private SqliteTestDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = new SqliteTestDatabase();

    [TearDown]
    public void DropDatabase() => _database.Dispose();

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

    private static Customer NewCustomer(string email) =>
        Customer.Register(EmailAddress.Create(email), "hash", "John", "Doe", CustomerStatus.Active, [], [], Now);
}
