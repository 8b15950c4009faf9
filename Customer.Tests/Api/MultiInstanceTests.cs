using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Api.MultiInstance;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api;

/// <summary>
/// Two real service processes on one database, as behind a load balancer: nothing that must
/// be shared lives in process memory, so the rules hold across them.
/// </summary>
[Category("Slow")]
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class MultiInstanceTests(DatabaseKind database)
{
    private InstancesOnOneDatabase _instances = null!;

    private ApiClient ViaFirst => _instances.Clients[0];

    private ApiClient ViaSecond => _instances.Clients[1];

    [OneTimeSetUp]
    public async Task StartTwoInstances() => _instances = await InstancesOnOneDatabase.StartAsync(2, database);

    [OneTimeTearDown]
    public void StopInstances() => _instances?.Dispose();

    [Test]
    public async Task UpdatesRacingThroughBothInstancesAreNeverLost()
    {
        var id = await ViaFirst.CreateCustomerAsync();
        var names = Enumerable.Range(0, 12).Select(i => $"Name{i}").ToList();
        var email = CustomerRequests.UniqueEmail("two-instances");

        var updates = names.Select((name, i) => (i % 2 == 0 ? ViaFirst : ViaSecond)
                .PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = name }))
            .Append(ViaSecond.PostAsync("customer.update", new JsonObject { ["id"] = id, ["lastName"] = "Balanced" }))
            .Append(ViaFirst.PostAsync("customer.update", new JsonObject { ["id"] = id, ["email"] = email }))
            .Append(ViaSecond.PostAsync("customer.update", new JsonObject { ["id"] = id, ["tags"] = new JsonArray("both") }));
        var responses = await Task.WhenAll(updates);
        var stored = (await ViaSecond.PostAsync("customer.info", new JsonObject { ["id"] = id })).Customer;

        Assert.That(responses.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK), string.Join('\n', responses.Select(r => r.Text)));
        Assert.Multiple(() =>
        {
            Assert.That(names, Does.Contain(stored["firstName"]!.GetValue<string>()));
            Assert.That(stored["lastName"]!.GetValue<string>(), Is.EqualTo("Balanced"));
            Assert.That(stored["email"]!.GetValue<string>(), Is.EqualTo(email));
            Assert.That(stored["tags"]![0]!.GetValue<string>(), Is.EqualTo("both"));
            Assert.That(stored["version"]!.GetValue<int>(), Is.EqualTo(1 + names.Count + 3));
        });
    }

    [Test]
    public async Task OneEmailHasOneWinnerAcrossBothInstances()
    {
        var email = CustomerRequests.UniqueEmail("one-winner");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? ViaFirst : ViaSecond).PostAsync("customer.create", CustomerRequests.Create(i % 3 == 0 ? email.ToUpperInvariant() : email))));

        Assert.That(responses.Count(r => r.Status == HttpStatusCode.OK), Is.EqualTo(1), string.Join('\n', responses.Select(r => r.Text)));
        Assert.That(responses.Where(r => r.Status != HttpStatusCode.OK).Select(r => (r.Status, r.Error)),
            Is.All.EqualTo((HttpStatusCode.Conflict, "duplicate_key")));
    }
}
