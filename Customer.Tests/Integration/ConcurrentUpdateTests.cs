using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

/// <summary>Optimistic concurrency over HTTP: racing partial updates all win; a stale explicit version loses cleanly.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class ConcurrentUpdateTests(DatabaseKind database) : HttpFixture(database)
{
    [Test]
    public async Task ParallelUpdatesOfDifferentFieldsAllSucceedAndAllLand()
    {
        var id = await Client.CreateCustomerAsync();
        var email = CustomerRequests.UniqueEmail("parallel");
        JsonObject[] changes =
        [
            new() { ["id"] = id, ["firstName"] = "Parallel" },
            new() { ["id"] = id, ["lastName"] = "Writers" },
            new() { ["id"] = id, ["status"] = "INACTIVE" },
            new() { ["id"] = id, ["email"] = email },
            new() { ["id"] = id, ["tags"] = new JsonArray("raced", "won") },
        ];

        var responses = await Task.WhenAll(changes.Select(change => Client.PostAsync("customer.update", change)));
        var stored = (await Client.PostAsync("customer.info", new JsonObject { ["id"] = id })).Customer;

        Assert.That(responses.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK), string.Join('\n', responses.Select(r => r.Text)));
        Assert.Multiple(() =>
        {
            Assert.That(stored["firstName"]!.GetValue<string>(), Is.EqualTo("Parallel"));
            Assert.That(stored["lastName"]!.GetValue<string>(), Is.EqualTo("Writers"));
            Assert.That(stored["status"]!.GetValue<string>(), Is.EqualTo("INACTIVE"));
            Assert.That(stored["email"]!.GetValue<string>(), Is.EqualTo(email));
            Assert.That(stored["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "raced", "won" }));
            Assert.That(stored["version"]!.GetValue<int>(), Is.EqualTo(1 + changes.Length), "one version per effective update");
        });
    }

    [Test]
    public async Task SixteenParallelUpdatesOfOneFieldAllSucceedAndOneOfThemStays()
    {
        var id = await Client.CreateCustomerAsync();
        var names = Enumerable.Range(1, 16).Select(i => $"Writer{i}").ToList();

        var responses = await Task.WhenAll(names.Select(name =>
            Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = name })));
        var stored = (await Client.PostAsync("customer.info", new JsonObject { ["id"] = id })).Customer;

        Assert.That(responses.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK), string.Join('\n', responses.Select(r => r.Text)));
        Assert.That(names, Does.Contain(stored["firstName"]!.GetValue<string>()));
        Assert.That(stored["version"]!.GetValue<int>(), Is.EqualTo(1 + names.Count));
    }

    [Test]
    public async Task AStaleExplicitVersionIsAConflictAndWritesNothing()
    {
        var id = await Client.CreateCustomerAsync();
        await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Second" });

        var stale = await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["version"] = 1, ["lastName"] = "Lost" });
        var stored = (await Client.PostAsync("customer.info", new JsonObject { ["id"] = id })).Customer;

        Assert.That(stale.Status, Is.EqualTo(HttpStatusCode.Conflict), stale.Text);
        Assert.That(stale.Text, Is.EqualTo($$$"""{"ok":false,"error":"version_conflict","data":{"id":"{{{id}}}","expected":1,"actual":2}}"""));
        Assert.That(stored["lastName"]!.GetValue<string>(), Is.EqualTo("Doe"));
        Assert.That(stored["version"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task TheCurrentExplicitVersionIsApplied()
    {
        var id = await Client.CreateCustomerAsync();

        var response = await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["version"] = 1, ["lastName"] = "Current" });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        Assert.That(response.Customer["version"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [TestCase("customer.address.create")]
    [TestCase("customer.address.update")]
    [TestCase("customer.address.remove")]
    public async Task AddressMethodsRefuseAStaleExplicitVersion(string method)
    {
        var id = await Client.CreateCustomerAsync();
        var addressId = (await Client.PostAsync("customer.info", new JsonObject { ["id"] = id })).Customer["addresses"]![0]!["id"]!.GetValue<string>();
        await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Moved" });
        var body = method switch
        {
            "customer.address.create" => new JsonObject { ["customerId"] = id, ["version"] = 1, ["address"] = CustomerRequests.Address() },
            "customer.address.update" => new JsonObject { ["customerId"] = id, ["version"] = 1, ["address"] = new JsonObject { ["id"] = addressId, ["city"] = "Lost" } },
            _ => new JsonObject { ["customerId"] = id, ["version"] = 1, ["addressId"] = addressId },
        };

        var response = await Client.PostAsync(method, body);
        var stored = (await Client.PostAsync("customer.info", new JsonObject { ["id"] = id })).Customer;

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Conflict), response.Text);
        Assert.That(response.Error, Is.EqualTo("version_conflict"));
        Assert.That(stored["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(stored["addresses"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(stored["addresses"]![0]!["city"]!.GetValue<string>(), Is.EqualTo("Bloomington"));
    }

    [TestCase(0)]
    [TestCase(-3)]
    public async Task AVersionBelowOneIsAValidationError(int version)
    {
        var id = await Client.CreateCustomerAsync();

        var response = await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["version"] = version, ["firstName"] = "X" });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest), response.Text);
        Assert.That(response.ErrorFields, Is.EqualTo(new[] { "version" }));
    }
}
