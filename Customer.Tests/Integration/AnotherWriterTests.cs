using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Integration;

/// <summary>
/// Another writer (another instance behind the load balancer, here its SQL or a racing request) changes
/// or removes a customer between this service's calls or in the middle of one: every answer is still
/// the stored truth, version_conflict only answers a stale sent version, and nothing is a 5xx.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class AnotherWriterTests(DatabaseKind database) : DatabaseFixture(database)
{
    private CustomerApiFactory _factory = null!;
    private ApiClient _client = null!;

    [OneTimeSetUp]
    public void StartService()
    {
        _factory = NewFactory();
        _client = _factory.CreateApiClient();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task AStatusSetAgainAfterAnotherInstanceChangedItBackIsStored()
    {
        var id = await _client.CreateCustomerAsync();
        EnvelopeAssert.IsCustomer(await _client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["status"] = "INACTIVE" }));
        await ChangeElsewhereAsync(id, "UPDATE \"Customers\" SET \"Status\" = 'ACTIVE', \"Version\" = \"Version\" + 1 WHERE \"Id\" = {0}");

        var answer = EnvelopeAssert.IsCustomer(await _client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["status"] = "INACTIVE" }));
        var stored = await _factory.GetStoredAsync(id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer["status"]!.GetValue<string>(), Is.EqualTo("INACTIVE"));
            Assert.That(stored.Status, Is.EqualTo("INACTIVE"), "a 200 means the change is stored");
            Assert.That(answer["version"]!.GetValue<int>(), Is.EqualTo(stored.Version).And.EqualTo(4));
        }
    }

    [Test]
    public async Task ANoOpIsJudgedAgainstTheStoredStateAndAnswersIt()
    {
        var id = await _client.CreateCustomerAsync();
        await ChangeElsewhereAsync(id, "UPDATE \"Customers\" SET \"LastName\" = 'Elsewhere', \"Version\" = \"Version\" + 1 WHERE \"Id\" = {0}");

        var answer = EnvelopeAssert.IsCustomer(await _client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "John" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer["lastName"]!.GetValue<string>(), Is.EqualTo("Elsewhere"));
            Assert.That(answer["version"]!.GetValue<int>(), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task RemoveWithoutAVersionSucceedsAfterAnotherInstanceChangedTheCustomer()
    {
        var id = await _client.CreateCustomerAsync();
        EnvelopeAssert.IsCustomer(await _client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Seen" }));
        await ChangeElsewhereAsync(id, "UPDATE \"Customers\" SET \"FirstName\" = 'Changed', \"Version\" = \"Version\" + 1 WHERE \"Id\" = {0}");

        var removed = await _client.PostAsync("customer.remove", new JsonObject { ["id"] = id });

        Assert.That(removed.Status, Is.EqualTo(HttpStatusCode.OK), removed.Text);
        Assert.That(await _factory.FindStoredAsync(id), Is.Null);
    }

    [Test]
    public async Task RemoveRacingAChangeOfTheSameCustomerSucceeds()
    {
        var id = await _client.CreateCustomerAsync();
        var budget = new InterferingUnitOfWork.Budget();
        using var racing = RacingClient(budget, Interference.ChangeThem);

        var removed = await racing.PostAsync("customer.remove", new JsonObject { ["id"] = id });

        Assert.That(removed.Status, Is.EqualTo(HttpStatusCode.OK), removed.Text);
        Assert.That(budget.Used, Is.EqualTo(1), "the race happened");
        Assert.That(await _factory.FindStoredAsync(id), Is.Null);
    }

    [Test]
    public async Task RemoveWithAStaleVersionIsAConflictNamingTheStoredVersionAndKeepsTheCustomer()
    {
        var id = await _client.CreateCustomerAsync();
        await ChangeElsewhereAsync(id, "UPDATE \"Customers\" SET \"FirstName\" = 'Changed', \"Version\" = \"Version\" + 1 WHERE \"Id\" = {0}");

        var refused = await _client.PostAsync("customer.remove", new JsonObject { ["id"] = id, ["version"] = 1 });

        EnvelopeAssert.IsError(refused, HttpStatusCode.Conflict, "version_conflict");
        Assert.That(refused.Data!.ToJsonString(), Is.EqualTo(new JsonObject { ["id"] = id, ["expected"] = 1, ["actual"] = 2 }.ToJsonString()));
        Assert.That(await _factory.FindStoredAsync(id), Is.Not.Null);
    }

    [Test]
    public async Task RemoveWithTheStoredVersionRemoves()
    {
        var id = await _client.CreateCustomerAsync();
        await ChangeElsewhereAsync(id, "UPDATE \"Customers\" SET \"FirstName\" = 'Changed', \"Version\" = \"Version\" + 1 WHERE \"Id\" = {0}");

        var removed = await _client.PostAsync("customer.remove", new JsonObject { ["id"] = id, ["version"] = 2 });

        Assert.That(removed.Status, Is.EqualTo(HttpStatusCode.OK), removed.Text);
        Assert.That(await _factory.FindStoredAsync(id), Is.Null);
    }

    [Test]
    public async Task ASentVersionOvertakenDuringTheRequestIsAConflictNamingTheNewVersion()
    {
        var id = await _client.CreateCustomerAsync();
        using var racing = RacingClient(new InterferingUnitOfWork.Budget(), Interference.ChangeThem);

        var refused = await racing.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Late", ["version"] = 1 });

        EnvelopeAssert.IsError(refused, HttpStatusCode.Conflict, "version_conflict");
        Assert.That(refused.Data!["actual"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That((await _factory.GetStoredAsync(id)).FirstName, Is.EqualTo("John"));
    }

    [TestCase("customer.update")]
    [TestCase("customer.address.create")]
    [TestCase("customer.address.update")]
    [TestCase("customer.address.remove")]
    [TestCase("customer.remove")]
    public async Task ACommandOnACustomerRemovedDuringTheRequestIsNotFound(string method)
    {
        var created = EnvelopeAssert.IsCustomer(await _client.PostAsync("customer.create", CustomerRequests.Create()));
        var id = created["id"]!.GetValue<string>();
        var addressId = created["addresses"]![0]!["id"]!.GetValue<string>();
        var budget = new InterferingUnitOfWork.Budget();
        using var racing = RacingClient(budget, Interference.RemoveThem);

        var answer = await racing.PostAsync(method, method switch
        {
            "customer.update" => new JsonObject { ["id"] = id, ["firstName"] = "Gone" },
            "customer.address.create" => new JsonObject { ["customerId"] = id, ["address"] = CustomerRequests.Address() },
            "customer.address.update" => new JsonObject { ["customerId"] = id, ["address"] = new JsonObject { ["id"] = addressId, ["city"] = "Gone" } },
            "customer.address.remove" => new JsonObject { ["customerId"] = id, ["addressId"] = addressId },
            _ => new JsonObject { ["id"] = id },
        });

        EnvelopeAssert.IsError(answer, HttpStatusCode.NotFound, "customer_not_found");
        Assert.That(budget.Used, Is.EqualTo(1), "the race happened");
    }

    [Test]
    public async Task AnAddressAddedByAnotherInstanceCanBeUpdatedAtOnce()
    {
        var id = await _client.CreateCustomerAsync();
        EnvelopeAssert.IsCustomer(await _client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Seen" }));
        await _factory.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"CustomerAddresses\" (\"Id\", \"CustomerId\", \"Position\", \"Name\", \"FirstName\", \"Address1\", \"PostCode\", \"City\", \"State\", \"Country\") " +
            "VALUES ('added-elsewhere', {0}, 9, 'Other', 'Ann', 'Street 1', '12345', 'Town', 'State', 'US')", id));
        await ChangeElsewhereAsync(id, "UPDATE \"Customers\" SET \"UpdatedAt\" = \"UpdatedAt\", \"Version\" = \"Version\" + 1 WHERE \"Id\" = {0}");

        var answer = EnvelopeAssert.IsCustomer(await _client.PostAsync("customer.address.update",
            new JsonObject { ["customerId"] = id, ["address"] = new JsonObject { ["id"] = "added-elsewhere", ["city"] = "Here" } }));

        Assert.That(answer["addresses"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "added-elsewhere")!["city"]!.GetValue<string>(), Is.EqualTo("Here"));
    }

    // As another instance writes: the change and a raised version, in one statement (names quoted: PostgreSQL folds bare ones to lower case).
    private Task<int> ChangeElsewhereAsync(string id, string update) =>
        _factory.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(update, id));

    private ApiClient RacingClient(InterferingUnitOfWork.Budget budget, Interference interference)
    {
        var host = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddInterferingUnitOfWork(budget, interference)));
        return new ApiClient(host.CreateClient(), _factory.Tokens.Valid());
    }
}
