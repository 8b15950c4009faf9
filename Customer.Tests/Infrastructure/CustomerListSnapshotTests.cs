using System.Data.Common;
using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Infrastructure.Persistence.SavedCopies;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Tests.Infrastructure;

/// <summary>
/// customer.list counts and reads its page in separate statements; another connection removing a
/// customer between them must not make <c>total</c> and <c>data</c> disagree.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class CustomerListSnapshotTests(DatabaseKind database) : DatabaseFixture(database)
{
    private static readonly CustomerListFilter Everyone = new([], [], [], []);
    private TestDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = TestDatabase.Create(Database);

    [TearDown]
    public void DropDatabase() => _database.Dispose();

    [Test]
    public async Task TheTotalAndThePageComeFromOneSnapshotWhileAnotherConnectionRemovesACustomer()
    {
        var ids = await AddCustomersAsync(3);
        var removal = new RemoveAfterCounting(_database, ids[0]);
        await using var db = ContextWith(removal);

        var page = await new CustomerRepository(db, new SavedCustomerCopies()).ListAsync(Everyone, skip: 0, limit: 10, CancellationToken.None);

        Assert.That(removal.Removed, Is.True, "the removal happened between the count and the page");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Total, Is.EqualTo(3));
            Assert.That(page.Customers.Select(c => c.Id), Is.EqualTo(ids));
        }
    }

    [Test]
    public async Task TheNextListSeesTheRemoval()
    {
        var ids = await AddCustomersAsync(2);
        await using (var db = ContextWith(new RemoveAfterCounting(_database, ids[0])))
        {
            await new CustomerRepository(db, new SavedCustomerCopies()).ListAsync(Everyone, 0, 10, CancellationToken.None);
        }

        await using var after = _database.CreateContext();
        var page = await new CustomerRepository(after, new SavedCustomerCopies()).ListAsync(Everyone, 0, 10, CancellationToken.None);

        Assert.That((page.Total, page.Customers.Count), Is.EqualTo((1, 1)));
    }

    private CustomerDbContext ContextWith(IInterceptor interceptor) => _database.CreateContextWith(interceptor);

    private async Task<List<string>> AddCustomersAsync(int count)
    {
        await using var db = _database.CreateContext();
        var customers = Enumerable.Range(0, count)
            .Select(i => new CustomerBuilder().WithEmail($"listed{i}@example.com").WithAddresses(CustomerBuilder.Address()).Build())
            .ToList();
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        return [.. customers.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id)];
    }

    /// <summary>Once the first COUNT has been read, removes a customer through a connection of its own.</summary>
    private sealed class RemoveAfterCounting(TestDatabase database, string id) : DbCommandInterceptor
    {
        public bool Removed { get; private set; }

        public override async ValueTask<object?> ScalarExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            await RemoveOnceAfterCountAsync(command, cancellationToken);
            return result;
        }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            await RemoveOnceAfterCountAsync(command, cancellationToken);
            return result;
        }

        private async Task RemoveOnceAfterCountAsync(DbCommand command, CancellationToken cancellationToken)
        {
            // PostgreSQL's SQL spells it count(*).
            if (Removed || !command.CommandText.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            await using var other = database.CreateContextWith();
            Assert.That(await other.Customers.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken), Is.EqualTo(1));
            Removed = true;
        }
    }
}
