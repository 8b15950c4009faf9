using CustomerService.Application.Common.Persistence;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerService.Tests.Infrastructure;

/// <summary>
/// A transient failure re-runs the whole load-apply-save unit (as SQL Server's retrying strategy
/// does), each attempt from a clean change tracker, so nothing of a failed attempt leaks into the next.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class ExecutionStrategyTests(DatabaseKind database) : DatabaseFixture(database)
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = TestDatabase.Create(Database);

    [TearDown]
    public void DropDatabase() => _database.Dispose();

    [Test]
    public async Task ATransientFailureRerunsTheWholeUnitFromFreshState()
    {
        var customer = Customer.Register(EmailAddress.Create("retry@example.com"), "hash", "John", "Doe", CustomerStatus.Active, [], [], Now);
        await using (var setup = _database.CreateContext())
        {
            setup.Customers.Add(customer);
            await setup.SaveChangesAsync();
        }

        await using var db = _database.CreateContext(dependencies => new RetryOnTransientTestFailure(dependencies));
        IUnitOfWork unitOfWork = db;
        var attempts = 0;
        var trackedAtStart = new List<int>();

        var version = await unitOfWork.ExecuteAsync(async token =>
        {
            attempts++;
            trackedAtStart.Add(db.ChangeTracker.Entries().Count());
            var loaded = await db.Customers.SingleAsync(c => c.Id == customer.Id, token);
            loaded.Rename($"Attempt{attempts}", null, Now.AddMinutes(attempts));
            if (attempts == 1)
            {
                throw new TransientTestFailureException();
            }

            await unitOfWork.SaveChangesAsync(token);
            return loaded.Version;
        }, CancellationToken.None);

        await using var check = _database.CreateContext();
        var stored = await check.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id);
        Assert.That(attempts, Is.EqualTo(2));
        Assert.That(trackedAtStart, Is.EqualTo(new[] { 0, 0 }), "each attempt starts with nothing tracked");
        Assert.That((stored.FirstName, stored.Version, version), Is.EqualTo(("Attempt2", 2, 2)));
    }

    private sealed class TransientTestFailureException : Exception;

    private sealed class RetryOnTransientTestFailure(ExecutionStrategyDependencies dependencies)
        : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(10))
    {
        protected override bool ShouldRetryOn(Exception exception) => exception is TransientTestFailureException;
    }
}
