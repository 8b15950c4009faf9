using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using CustomerService.Tests.Support.RabbitMq;

namespace CustomerService.Tests.Integration;

/// <summary>The relay inside the whole service: writes never wait for the broker, and what the writer stores reaches it.</summary>
[NonParallelizable]
public sealed class RelayServiceTests
{
    [Test]
    public async Task WithTheBrokerUnreachableTheServiceStartsAnswersWritesAndReportsDegradedOnceTheBacklogAges()
    {
        using var factory = new CustomerApiFactory(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["Messaging:RabbitMq:Uri"] = "amqp://relay:s3cret-pw@127.0.0.1:1/",
            ["Messaging:RabbitMq:DegradedAfterSeconds"] = "1",
        });
        using var client = factory.CreateApiClient();

        var id = await client.CreateCustomerAsync();
        Assert.That(id, Is.Not.Empty, "the write answered 200 with the broker away");
        var ready = await factory.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        ready = await factory.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), "degraded is still ready");
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("Degraded"), body.ToJsonString());
    }

    [Test]
    public async Task ACustomerWrittenThroughTheApiReachesTheBroker()
    {
        await using var broker = await RelayBroker.ConnectAsync();
        var exchange = broker.NewExchange();
        var queue = await broker.BindQueueAsync(exchange, "customer.created");
        using var factory = new CustomerApiFactory(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["Messaging:RabbitMq:Uri"] = broker.Uri,
            ["Messaging:RabbitMq:Exchange"] = exchange,
        });
        using var client = factory.CreateApiClient();

        var id = await client.CreateCustomerAsync();

        var delivered = await broker.GetAsync(queue, TimeSpan.FromSeconds(15));
        Assert.That(delivered, Is.Not.Null);
        var cloudEvent = JsonNode.Parse(Encoding.UTF8.GetString(delivered!.Body.Span))!;
        Assert.That(cloudEvent["subject"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(delivered.BasicProperties.MessageId, Is.EqualTo(cloudEvent["id"]!.GetValue<string>()));
    }
}
