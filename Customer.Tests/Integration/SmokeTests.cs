using System.Net;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class SmokeTests(DatabaseKind database) : DatabaseFixture(database)
{
    [Test]
    public async Task CreatesThenReadsACustomerOverHttp()
    {
        using var factory = NewFactory();
        using var client = factory.CreateApiClient();

        var id = await client.CreateCustomerAsync();
        var info = await client.PostAsync("customer.info", new System.Text.Json.Nodes.JsonObject { ["id"] = id });

        Assert.That(info.Status, Is.EqualTo(HttpStatusCode.OK), info.Text);
        Assert.That(info.Customer["id"]!.GetValue<string>(), Is.EqualTo(id));
    }
}
