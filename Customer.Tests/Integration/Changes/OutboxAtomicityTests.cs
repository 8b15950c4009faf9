using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerService.Tests.Integration.Changes;

/// <summary>An event exists exactly when its change was committed (G1), and only a visible change is one.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class OutboxAtomicityTests(DatabaseKind database) : HttpFixture(database)
{
    private readonly FailingCommitInterceptor _fault = new();
    private WebApplicationFactory<Program> _faulty = null!;
    private ApiClient _client = null!;

    [OneTimeSetUp]
    public void StartWithTheFault()
    {
        _faulty = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IInterceptor>(_fault)));
        _client = new ApiClient(_faulty.CreateClient(), Factory.Tokens.Valid());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _faulty.Dispose();
    }

    [Test]
    public async Task AChangeRolledBackAtCommitLeavesNoEvent()
    {
        var id = await _client.CreateCustomerAsync();
        var before = await Factory.GetStoredAsync(id);

        _fault.FailCommits();
        ApiResponse update, remove, created;
        try
        {
            update = await _client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Never" });
            remove = await _client.PostAsync("customer.remove", new JsonObject { ["id"] = id });
            created = await _client.PostAsync("customer.create", CustomerRequests.Create());
        }
        finally
        {
            _fault.Heal();
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(update.Ok, Is.False, update.Text);
            Assert.That(remove.Ok, Is.False, remove.Text);
            Assert.That(created.Ok, Is.False, created.Text);
            Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before), "nothing was stored");
            Assert.That(await MessagesOfAsync(id), Is.EqualTo(new[] { "customer.created" }), "the outbox holds only the committed creation");
            Assert.That(await Factory.WithDatabaseAsync(db => db.OutboxMessages.CountAsync()),
                Is.EqualTo(await Factory.WithDatabaseAsync(db => db.Customers.CountAsync()) + await RemovalsAsync()),
                "no message without its change: one per creation here, plus removals");
            Assert.That(await Factory.WithDatabaseAsync(db => db.PendingOutboxMessages.CountAsync(p => p.Message!.CustomerId == id)), Is.EqualTo(1));
        }

        var feed = (await Client.ReadUntilAsync(null, all => all.Of(id).Count > 0)).Changes.Of(id);
        Assert.That(feed, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ARehashOnSignInKeepsTheVersionAndHasNoEvent()
    {
        var body = CustomerRequests.Create();
        var password = body["password"]!.GetValue<string>();
        var id = await Client.CreateCustomerAsync(body);
        var weak = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 })).HashPassword(new object(), password);
        await Factory.WithDatabaseAsync(db => db.Customers.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.PasswordHash, weak)));
        var before = await Factory.GetStoredAsync(id);

        var check = await Client.PostAsync("customer.checkCredentials", new JsonObject { ["email"] = body["email"]!.DeepClone(), ["password"] = password });

        ApiAssert.Success(check);
        var after = await Factory.GetStoredAsync(id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.PasswordHash, Is.Not.EqualTo(weak), "the hash was upgraded");
            Assert.That(after with { PasswordHash = weak }, Is.EqualTo(before), "and nothing else changed: not the version, not updatedAt");
            Assert.That(await MessagesOfAsync(id), Is.EqualTo(new[] { "customer.created" }));
        }
    }

    private Task<List<string>> MessagesOfAsync(string id) =>
        Factory.WithDatabaseAsync(db => db.OutboxMessages.Where(m => m.CustomerId == id).OrderBy(m => m.Id).Select(m => m.Type).ToListAsync());

    private Task<int> RemovalsAsync() => Factory.WithDatabaseAsync(db => db.OutboxMessages.CountAsync(m => m.Type == "customer.removed"));
}
