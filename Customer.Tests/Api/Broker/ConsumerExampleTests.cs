using System.Text.Json.Nodes;
using CustomerEvents.Example;
using CustomerService.Tests.Api.MultiInstance;
using CustomerService.Tests.Support;
using CustomerService.Tests.Support.Events;
using CustomerService.Tests.Support.RabbitMq;

namespace CustomerService.Tests.Api.Broker;

/// <summary>
/// The consumer example of docs/consumer, run as published against a real broker and a real service
/// process: after creates, updates, address changes and removals, its copy of the customers is exactly
/// what customer.info answers, and so is a copy built from the feed alone (catching up).
/// </summary>
[Category("Slow")]
[Category("Broker")]
public sealed class ConsumerExampleTests
{
    [Test]
    public async Task TheConsumersCopyOfEveryCustomerEqualsCustomerInfo()
    {
        RabbitMqBroker.SkipUnlessAvailable();
        var exchange = RabbitMqBroker.UniqueExchange("consumer");
        var queue = $"{exchange}.consumer-example";
        try
        {
            // The consumer first, as a subscriber that is already there when the changes happen.
            await using var consumer = await CustomerEventsConsumer.StartAsync(new Uri(RabbitMqBroker.Uri!), queue, exchange);
            using var instances = await InstancesOnOneDatabase.StartAsync(1, DatabaseKind.Sqlite, RabbitMqBroker.ServiceSettings(exchange));
            var client = instances.Clients[0];
            var ids = await ChangeSomeCustomersAsync(client);
            var expected = await InfoOfAsync(client, ids);

            var caughtUp = await WaitUntilAsync(() => SameCustomers(consumer.Customers, expected), TimeSpan.FromSeconds(20));

            var fromFeed = new CustomerCopies();
            foreach (var change in (await client.ReadToEndAsync(limit: 7)).Changes)
            {
                fromFeed.Apply(change);
            }

            using (Assert.EnterMultipleScope())
            {
                Assert.That(caughtUp, Is.True, $"the consumer's copy equals customer.info within 20 s; it holds {consumer.Customers.Count} of {expected.Count} customers");
                Assert.That(SameCustomers(fromFeed.Snapshot(), expected), Is.True, "a copy built from customer.changes alone equals customer.info");
            }
        }
        finally
        {
            await RabbitMqBroker.DeleteAsync(queue, exchange);
        }
    }

    [Test]
    public void ARepeatedOrOlderEventChangesNothing()
    {
        var copies = new CustomerCopies();
        var created = Event("e1", "customer.created", new JsonObject { ["customer"] = Customer(1, "Ada") });
        var updated = Event("e2", "customer.updated", new JsonObject { ["customer"] = Customer(2, "Grace"), ["changed"] = new JsonArray("firstName") });
        var removed = Event("e3", "customer.removed", new JsonObject { ["id"] = "c1", ["version"] = 2 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(copies.Apply(updated), Is.True);
            Assert.That(copies.Apply(created), Is.False, "version 1 arrives after version 2");
            Assert.That(copies.Apply(updated), Is.False, "the same id again");
            Assert.That(copies.Snapshot()["c1"]["firstName"]!.GetValue<string>(), Is.EqualTo("Grace"));
            Assert.That(copies.Apply(removed), Is.True, "a removal carries the last version and replaces it");
            Assert.That(copies.Apply(Event("e2-late", "customer.updated", new JsonObject { ["customer"] = Customer(2, "Late") })), Is.False, "an update as old as the removal");
            Assert.That(copies.Snapshot(), Is.Empty);
        }
    }

    private static async Task<List<string>> ChangeSomeCustomersAsync(ApiClient client)
    {
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await client.CreateCustomerAsync());
        }

        foreach (var (id, n) in ids.Select((id, n) => (id, n)))
        {
            ApiAssert.Success(await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = $"Renamed{n}", ["tags"] = new JsonArray("consumer", $"n{n}") }));
            ApiAssert.Success(await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["status"] = "INACTIVE" }));
        }

        ApiAssert.Success(await client.PostAsync("customer.address.create", new JsonObject { ["customerId"] = ids[0], ["address"] = CustomerRequests.Address() }));
        ApiAssert.Success(await client.PostAsync("customer.remove", new JsonObject { ["id"] = ids[1] }));
        ApiAssert.Success(await client.PostAsync("customer.remove", new JsonObject { ["id"] = ids[2] }));
        return ids;
    }

    /// <summary>What customer.info answers for each id now, leaving out those not found.</summary>
    private static async Task<Dictionary<string, JsonObject>> InfoOfAsync(ApiClient client, List<string> ids)
    {
        var customers = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var info = await client.PostAsync("customer.info", new JsonObject { ["id"] = id });
            if (info.Status == System.Net.HttpStatusCode.OK)
            {
                customers[id] = info.Customer;
            }
        }

        return customers;
    }

    private static bool SameCustomers(IReadOnlyDictionary<string, JsonObject> copy, Dictionary<string, JsonObject> expected) =>
        copy.Count == expected.Count && expected.All(e => copy.TryGetValue(e.Key, out var held) && JsonNode.DeepEquals(held, e.Value));

    private static async Task<bool> WaitUntilAsync(Func<bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private static JsonObject Customer(int version, string firstName) => new() { ["id"] = "c1", ["version"] = version, ["firstName"] = firstName };

    private static JsonObject Event(string id, string type, JsonObject data) => new()
    {
        ["specversion"] = "1.0",
        ["id"] = id,
        ["source"] = "/services/customer",
        ["type"] = type,
        ["subject"] = "c1",
        ["data"] = data,
    };
}
