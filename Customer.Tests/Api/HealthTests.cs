using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CustomerService.Tests.Api;

/// <summary>Liveness and readiness, answered without a token, as JSON.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class HealthTests(DatabaseKind database) : DatabaseFixture(database)
{
    private CustomerApiFactory _factory = null!;

    [SetUp]
    public void StartService() => _factory = NewFactory();

    [TearDown]
    public void StopService() => _factory.Dispose();

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task AnswersHealthyWithoutAToken(string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(body["ok"]!.GetValue<bool>(), Is.True);
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task ReadinessFailsWhileTheDatabaseIsGoneAndLivenessDoesNot()
    {
        using var client = _factory.CreateClient();
        await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        await MakeTheDatabaseDisappearAsync();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var body = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body["ok"]!.GetValue<bool>(), Is.False);
        Assert.That(body["checks"]!["database"]!.GetValue<string>(), Is.EqualTo("Unhealthy"));
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    // Under the running service: the SQLite file is deleted, the server database dropped.
    private async Task MakeTheDatabaseDisappearAsync()
    {
        if (Database != DatabaseKind.Sqlite)
        {
            await _factory.WithDatabaseAsync(db => db.Database.EnsureDeletedAsync());
            return;
        }

        SqliteConnection.ClearAllPools();
        File.Delete(_factory.ConnectionString["Data Source=".Length..]);
    }

    [Test]
    public async Task EveryResponseForbidsContentSniffing()
    {
        using var client = _factory.CreateApiClient();

        using var success = await client.Http.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var failure = await client.Http.PostAsync(new Uri(ApiClient.MethodsPath + "customer.info", UriKind.Relative), null);

        Assert.That(success.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(failure.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
    }
}
