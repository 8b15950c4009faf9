using System.Net;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

public sealed class SmokeTests
{
    [Test]
    public async Task CreatesThenReadsACustomerOverHttp()
    {
        using var factory = new CustomerApiFactory();
        using var client = factory.CreateApiClient();

        var id = await client.CreateCustomerAsync();
        var info = await client.PostAsync("customer.info", new System.Text.Json.Nodes.JsonObject { ["id"] = id });

        Assert.That(info.Status, Is.EqualTo(HttpStatusCode.OK), info.Text);
        Assert.That(info.Customer["id"]!.GetValue<string>(), Is.EqualTo(id));
    }
}
