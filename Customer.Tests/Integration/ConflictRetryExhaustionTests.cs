using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Application.Common.Behaviours;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.UpdateCustomer;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Integration;

/// <summary>
/// When every save meets a concurrent change, retries stop after their bound and the caller is told the
/// service is too busy (503), never 500, and never version_conflict, which is only for a stale sent version.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class ConflictRetryExhaustionTests(DatabaseKind database) : DatabaseFixture(database)
{
    [Test]
    public async Task AnUpdateThatAlwaysConflictsEndsAsServiceUnavailableAfterTheLastAttempt()
    {
        using var factory = NewFactory();
        using var plain = factory.CreateApiClient();
        var id = await plain.CreateCustomerAsync();
        var saves = new SaveCounter();
        using var conflicting = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IUnitOfWork>(provider => new AlwaysConflictingUnitOfWork(provider.GetRequiredService<CustomerDbContext>(), saves))));
        using var client = new ApiClient(conflicting.CreateClient(), factory.Tokens.Valid());

        var response = await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Never" });
        var stored = (await plain.PostAsync("customer.info", new JsonObject { ["id"] = id })).Customer;

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), response.Text);
        Assert.That(response.Error, Is.EqualTo("service_unavailable"));
        Assert.That(saves.Count, Is.EqualTo(UnitOfWorkBehaviour<UpdateCustomerCommand, Result<CustomerDto>>.MaxAttempts));
        Assert.That(stored["firstName"]!.GetValue<string>(), Is.EqualTo("John"));
    }

    private sealed class SaveCounter
    {
        public int Count { get; set; }
    }

    // The real unit of work, except that every save loses a race.
    private sealed class AlwaysConflictingUnitOfWork(CustomerDbContext db, SaveCounter saves) : IUnitOfWork
    {
        private readonly IUnitOfWork _inner = db;

        public Task SaveChangesAsync(CancellationToken cancellationToken)
        {
            saves.Count++;
            throw new DbUpdateConcurrencyException("Another request saved this customer first.");
        }

        public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> unit, CancellationToken cancellationToken) =>
            _inner.ExecuteAsync(unit, cancellationToken);

        public void DiscardChanges() => _inner.DiscardChanges();

        public IReadOnlyList<CommittedEvent> TakeCommittedEvents() => _inner.TakeCommittedEvents();
    }
}
