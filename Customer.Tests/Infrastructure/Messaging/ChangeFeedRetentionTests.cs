using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Customers.ListCustomerChanges;
using CustomerService.Infrastructure.Messaging;
using CustomerService.Infrastructure.Messaging.Feed;
using CustomerService.Infrastructure.Messaging.Outbox;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerService.Tests.Infrastructure.Messaging;

/// <summary>Retention: old events are pruned, and a cursor into what was pruned is <c>cursor_expired</c>.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class ChangeFeedRetentionTests(DatabaseKind kind)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly FixedTimeProvider _clock = new(Now);
    private readonly MessagingOptions _options = new() { RetentionDays = 7 };
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _database = TestDatabase.Create(kind);
        _services = new ServiceCollection().AddScoped(_ => _database.CreateContext()).BuildServiceProvider();
    }

    [TearDown]
    public void DropDatabase()
    {
        _services?.Dispose();
        _database?.Dispose();
    }

    [Test]
    public async Task ACursorIntoPrunedEventsHasExpiredAndOneIntoKeptEventsHasNot()
    {
        await WriteAsync("old", Now.AddDays(-8), pending: false);
        await WriteAsync("recent", Now.AddDays(-1), pending: false);
        var afterOld = (await ReadAsync(null, 1)).Value.Next;
        var afterRecent = (await ReadAsync(afterOld, 1)).Value.Next;

        Assert.That(await PrunerAsync(keepUnpublished: true).PruneAsync(CancellationToken.None), Is.EqualTo(1));

        var expired = await ReadAsync(afterOld, 10);
        Assert.That(expired.Error?.Code, Is.EqualTo(ErrorCodes.CursorExpired));
        var kept = await ReadAsync(afterRecent, 10);
        Assert.That(kept.IsSuccess, Is.True);
        Assert.That((await ReadAsync(null, 10)).Value.Changes, Has.Count.EqualTo(1), "the feed now starts at the recent event");
    }

    [Test]
    public async Task ACursorThatNamesNoEventAndIsNotOldIsRefusedAsUnknown()
    {
        await WriteAsync("recent", Now.AddDays(-1), pending: false);
        var forged = FeedCursor.Encode(new FeedPosition(999_999, 999_999, Now.UtcDateTime.AddMinutes(-1)));

        var result = await ReadAsync(forged, 10);

        Assert.That(result.Error?.Code, Is.EqualTo(ErrorCodes.ValidationError));
    }

    [Test]
    public async Task AnEventNotYetOnTheBrokerIsKeptPastTheRetentionWhenABrokerIsConfigured()
    {
        await WriteAsync("old-unsent", Now.AddDays(-8), pending: true);
        await WriteAsync("old-sent", Now.AddDays(-8), pending: false);

        Assert.That(await PrunerAsync(keepUnpublished: true).PruneAsync(CancellationToken.None), Is.EqualTo(1));
        Assert.That(await CustomersWithMessagesAsync(), Is.EqualTo(new[] { "old-unsent" }));

        Assert.That(await PrunerAsync(keepUnpublished: false).PruneAsync(CancellationToken.None), Is.EqualTo(1), "without a broker it goes too");
        Assert.That(await CustomersWithMessagesAsync(), Is.Empty);
        using var db = _database.CreateContext();
        Assert.That(await db.PendingOutboxMessages.CountAsync(), Is.Zero, "its backlog row went with it");
    }

    [Test]
    public async Task PruningDeletesInBatchesUntilNothingOldIsLeft()
    {
        for (var i = 0; i < 1_203; i++)
        {
            await WriteAsync($"c{i}", Now.AddDays(-30), pending: false);
        }

        await WriteAsync("recent", Now.AddHours(-1), pending: false);

        Assert.That(await PrunerAsync(keepUnpublished: true).PruneAsync(CancellationToken.None), Is.EqualTo(1_203));
        Assert.That(await CustomersWithMessagesAsync(), Is.EqualTo(new[] { "recent" }));
    }

    private async Task WriteAsync(string customerId, DateTimeOffset at, bool pending)
    {
        using var db = _database.CreateContext();
        var message = new OutboxMessage
        {
            EventId = Guid.NewGuid().ToString(),
            Type = "customer.created",
            CustomerId = customerId,
            CustomerVersion = 1,
            OccurredAt = at.UtcDateTime,
            Payload = $$"""{"id":"{{customerId}}"}""",
        };
        db.OutboxMessages.Add(message);
        if (pending)
        {
            db.PendingOutboxMessages.Add(new PendingOutboxMessage { Message = message });
        }

        await db.SaveChangesAsync();
    }

    private async Task<Result<CustomerChangesPage>> ReadAsync(string? after, int limit)
    {
        using var db = _database.CreateContext();
        var feed = new CustomerChangeFeed(db, FeedSql(), _options, _clock);
        return await feed.ReadAsync(after, limit, CancellationToken.None);
    }

    private OutboxPruner PrunerAsync(bool keepUnpublished) =>
        new(_services.GetRequiredService<IServiceScopeFactory>(), _options, _clock, NullLogger<OutboxPruner>.Instance) { KeepUnpublished = keepUnpublished };

    private async Task<List<string>> CustomersWithMessagesAsync()
    {
        using var db = _database.CreateContext();
        return await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.CustomerId).ToListAsync();
    }

    private IOutboxFeedSql FeedSql() => kind switch
    {
        DatabaseKind.PostgreSql => new PostgreSqlOutboxFeedSql(),
        DatabaseKind.SqlServer => new SqlServerOutboxFeedSql(),
        _ => new SqliteOutboxFeedSql(),
    };
}
