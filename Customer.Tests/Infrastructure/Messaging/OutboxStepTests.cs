using System.Diagnostics;
using System.Text.Json.Nodes;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Messaging;
using CustomerService.Infrastructure.Messaging.CloudEvents;
using CustomerService.Infrastructure.Messaging.Outbox;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Infrastructure.Persistence.SaveSteps;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Infrastructure.Messaging;

/// <summary>The version step and the outbox step together: one message per stored version, nothing else.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class OutboxStepTests(DatabaseKind database) : DatabaseFixture(database)
{
    private static readonly DateTime Later = CustomerBuilder.RegisteredAt.AddHours(1);
    private static readonly DateTimeOffset SavedAt = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private OutboxSignal _signal = null!;
    private TestDatabase _database = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _signal = new OutboxSignal();
        _database = TestDatabase.Create(Database);
    }

    [TearDown]
    public void DropDatabase()
    {
        _database.Dispose();
        _signal.Dispose();
    }

    [Test]
    public async Task AnUpdateWritesOneMessageWithTheStoredVersionAndWakesTheRelay()
    {
        var customer = await SaveNewAsync();
        await using var db = Context();
        var loaded = await LoadAsync(db, customer.Id);

        loaded.Rename("Jane", null, Later);
        loaded.ReplaceTags(["gold"], Later);
        await db.SaveChangesAsync();

        var message = (await MessagesAsync(customer.Id)).Last();
        var payload = JsonNode.Parse(message.Payload)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Type, Is.EqualTo("customer.updated"));
            Assert.That(message.CustomerVersion, Is.EqualTo(2));
            Assert.That(message.OccurredAt, Is.EqualTo(SavedAt.UtcDateTime));
            Assert.That(payload["id"]!.GetValue<string>(), Is.EqualTo(message.EventId));
            Assert.That(payload["data"]!["customer"]!["version"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(payload["data"]!["changed"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EqualTo(new[] { "firstName", "tags" }));
            Assert.That(payload["time"]!.GetValue<string>(), Is.EqualTo("2026-12-02T10:00:00Z"));
            Assert.That(await _signal.WaitAsync(TimeSpan.Zero, CancellationToken.None), Is.True, "the relay is told");
            Assert.That(await PendingAsync(customer.Id), Is.EqualTo(2), "creation and update both wait for the broker");
        }
    }

    [Test]
    public async Task ANewHashOfTheSamePasswordKeepsTheVersionAndWritesNoMessage()
    {
        var customer = await SaveNewAsync();
        await using var db = Context();
        var loaded = await LoadAsync(db, customer.Id);

        loaded.UpgradePasswordHash("pbkdf2$a-stronger-hash");
        await db.SaveChangesAsync();

        Assert.That(loaded.Version, Is.EqualTo(1));
        Assert.That((await MessagesAsync(customer.Id)).Select(m => m.Type), Is.EqualTo(new[] { "customer.created" }));
    }

    [Test]
    public async Task AChangeThatRecordedNoEventIsRefusedRatherThanStoredWithoutOne()
    {
        var customer = await SaveNewAsync();
        await using var db = Context();
        var loaded = await LoadAsync(db, customer.Id);

        db.Entry(loaded).Property(c => c.FirstName).CurrentValue = "Sneaky";

        Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Test]
    public async Task AnUpdateRemovedInTheSameSaveHasNoEventOnlyTheRemovalHas()
    {
        var customer = await SaveNewAsync();
        await using var db = Context();
        var loaded = await LoadAsync(db, customer.Id);

        loaded.Rename("Gone", null, Later);
        loaded.MarkRemoved();
        db.Customers.Remove(loaded);
        await db.SaveChangesAsync();

        var messages = await MessagesAsync(customer.Id);
        Assert.That(messages.Select(m => (m.Type, m.CustomerVersion)), Is.EqualTo(new[] { ("customer.created", 1), ("customer.removed", 1) }));
    }

    [Test]
    public async Task ASynchronousSaveWritesItsMessageToo()
    {
        var customer = await SaveNewAsync();
        await using var db = Context();
        var loaded = await LoadAsync(db, customer.Id);

        loaded.Rename("Sync", null, Later);
        db.SaveChanges();

        Assert.That((await MessagesAsync(customer.Id)).Select(m => (m.Type, m.CustomerVersion)), Is.EqualTo(new[] { ("customer.created", 1), ("customer.updated", 2) }));
        Assert.That(await PendingAsync(customer.Id), Is.EqualTo(2));
    }

    [Test]
    public async Task SavesInACallersTransactionWriteTheirMessagesWhenItCommits()
    {
        var customer = await SaveNewAsync();
        await using var db = Context();
        var beforeCommit = -1;

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var loaded = await LoadAsync(db, customer.Id);
            loaded.Rename("First", null, Later);
            await db.SaveChangesAsync();
            loaded.Rename("Second", null, Later);
            await db.SaveChangesAsync();
            beforeCommit = (await MessagesAsync(customer.Id)).Count;
            await transaction.CommitAsync();
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeCommit, Is.EqualTo(1), "nothing of the transaction is visible before it commits");
            Assert.That((await MessagesAsync(customer.Id)).Select(m => m.CustomerVersion), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(await PendingAsync(customer.Id), Is.EqualTo(3));
        }
    }

    [Test]
    public async Task ATransactionRolledBackAfterItsSavesLeavesNoMessageAndTheNextSaveWritesOnlyItsOwn()
    {
        var customer = await SaveNewAsync();
        await using var db = Context();

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var loaded = await LoadAsync(db, customer.Id);
            loaded.Rename("Undone", null, Later);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });
        db.ChangeTracker.Clear();
        var reloaded = await LoadAsync(db, customer.Id);
        reloaded.Rename("Kept", null, Later);
        await db.SaveChangesAsync();

        var messages = await MessagesAsync(customer.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(messages.Select(m => m.CustomerVersion), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(JsonNode.Parse(messages[^1].Payload)!["data"]!["customer"]!["firstName"]!.GetValue<string>(), Is.EqualTo("Kept"));
        }
    }

    [Test]
    public async Task TheRequestsTraceContextTravelsAsTraceparent()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        var customer = await SaveNewAsync();

        var payload = JsonNode.Parse((await MessagesAsync(customer.Id)).Single().Payload)!;

        Assert.That(payload["traceparent"]!.GetValue<string>(), Is.EqualTo(activity.Id));
    }

    [Test]
    public async Task WithoutATraceThereIsNoTraceparent()
    {
        Activity.Current = null;
        var customer = await SaveNewAsync();

        var payload = JsonNode.Parse((await MessagesAsync(customer.Id)).Single().Payload)!.AsObject();

        Assert.That(payload.ContainsKey("traceparent"), Is.False);
    }

    private CustomerDbContext Context() => _database.CreateContextWith(
        new CustomerVersionInterceptor(),
        new OutboxWritingInterceptor(new CustomerCloudEvents(new MessagingOptions()), new FixedTimeProvider(SavedAt), _signal));

    private async Task<Customer> SaveNewAsync()
    {
        var customer = new CustomerBuilder().WithEmail($"outbox.{Guid.NewGuid():N}@example.com").Build();
        await using var db = Context();
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        await _signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);
        return customer;
    }

    private static Task<Customer> LoadAsync(CustomerDbContext db, string customerId) =>
        db.Customers.Include(c => c.Addresses).SingleAsync(c => c.Id == customerId);

    private async Task<List<OutboxMessage>> MessagesAsync(string customerId)
    {
        await using var db = _database.CreateContext();
        return await db.OutboxMessages.Where(m => m.CustomerId == customerId).OrderBy(m => m.Id).ToListAsync();
    }

    private async Task<int> PendingAsync(string customerId)
    {
        await using var db = _database.CreateContext();
        return await db.PendingOutboxMessages.CountAsync(p => p.Message!.CustomerId == customerId);
    }
}
