using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api;

/// <summary>
/// Two real service processes on one SQLite database, as behind a load balancer: nothing that must
/// be shared lives in process memory, so the rules hold across them.
/// </summary>
[Category("Slow")]
public sealed class MultiInstanceTests
{
    private string _database = null!;
    private ServiceProcess _first = null!;
    private ServiceProcess _second = null!;
    private ApiClient _viaFirst = null!;
    private ApiClient _viaSecond = null!;

    [OneTimeSetUp]
    public async Task StartTwoInstances()
    {
        var tokens = new TestTokens();
        _database = Path.Combine(Path.GetTempPath(), $"customer-two-instances-{Guid.NewGuid():N}.db");
        var settings = tokens.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["ConnectionStrings__Customers"] = $"Data Source={_database}";

        _first = await ServiceProcess.StartAsync(settings);
        _second = await ServiceProcess.StartAsync(settings);
        _viaFirst = new ApiClient(new HttpClient { BaseAddress = _first.BaseAddress }, tokens.Valid());
        _viaSecond = new ApiClient(new HttpClient { BaseAddress = _second.BaseAddress }, tokens.Valid());
    }

    [OneTimeTearDown]
    public void StopInstances()
    {
        _viaFirst.Dispose();
        _viaSecond.Dispose();
        _first.Dispose();
        _second.Dispose();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task UpdatesRacingThroughBothInstancesAreNeverLost()
    {
        var id = await _viaFirst.CreateCustomerAsync();
        var names = Enumerable.Range(0, 12).Select(i => $"Name{i}").ToList();
        var email = CustomerRequests.UniqueEmail("two-instances");

        var updates = names.Select((name, i) => (i % 2 == 0 ? _viaFirst : _viaSecond)
                .PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = name }))
            .Append(_viaSecond.PostAsync("customer.update", new JsonObject { ["id"] = id, ["lastName"] = "Balanced" }))
            .Append(_viaFirst.PostAsync("customer.update", new JsonObject { ["id"] = id, ["email"] = email }))
            .Append(_viaSecond.PostAsync("customer.update", new JsonObject { ["id"] = id, ["tags"] = new JsonArray("both") }));
        var responses = await Task.WhenAll(updates);
        var stored = (await _viaSecond.PostAsync("customer.info", new JsonObject { ["id"] = id })).Customer;

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
            (i % 2 == 0 ? _viaFirst : _viaSecond).PostAsync("customer.create", CustomerRequests.Create(i % 3 == 0 ? email.ToUpperInvariant() : email))));

        Assert.That(responses.Count(r => r.Status == HttpStatusCode.OK), Is.EqualTo(1), string.Join('\n', responses.Select(r => r.Text)));
        Assert.That(responses.Where(r => r.Status != HttpStatusCode.OK).Select(r => (r.Status, r.Error)),
            Is.All.EqualTo((HttpStatusCode.Conflict, "duplicate_key")));
    }
}
