using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>
/// The client that creates and removes customers, keeping their number in a band: removes with or
/// without a version, and some removes racing a customer.address.create through another instance.
/// After a 200 remove, every instance must answer customer_not_found.
/// </summary>
public sealed class RemoverAndCreator(int number, RandomRun run) : SimulatedClient("remover and creator", number, run)
{
    private const string Password = "correct horse battery";
    private const int FewestLive = 6;
    private const int MostLive = 10;
    private int _races;

    protected override (int Min, int Max) Pause => (100, 250);

    public async Task CreateAsync()
    {
        var local = CustomerRequests.UniqueEmail("random").Split('@')[0];
        string[] emails = [$"{local}.0@example.com", $"{local}.1@example.com", $"{local}.2@example.com"];
        var body = CustomerRequests.Create(emails[0]);
        body["password"] = Password;
        body["tags"] = new JsonArray(Run.RunTag);
        var call = await SendAsync("customer.create", body, about: null);
        if (call.Customer is { } customer)
        {
            Run.Customers.Add(new TrackedCustomer(call, customer, Password, emails));
        }
    }

    protected override async Task ActAsync()
    {
        var live = Run.Customers.Live().Count;
        var choice = Random.NextDouble();
        if (live < FewestLive || (live < MostLive && choice < 0.3))
        {
            await CreateAsync();
        }
        else if (Run.Customers.Pick(Random) is { } customer)
        {
            await (choice < 0.65 ? RemoveAsync(customer) : RaceRemoveWithAddressCreateAsync(customer));
        }
    }

    private async Task RemoveAsync(TrackedCustomer customer)
    {
        int? version = null;
        if (Random.Next(2) == 0)
        {
            var info = await SendAsync("customer.info", new JsonObject { ["id"] = customer.Id }, customer);
            version = info.Customer is { } seen ? TrackedCustomer.Version(seen) : null;
        }

        var call = await SendAsync("customer.remove", new JsonObject { ["id"] = customer.Id }, customer, version);
        await CheckGoneIfRemovedAsync(customer, call);
    }

    private async Task RaceRemoveWithAddressCreateAsync(TrackedCustomer customer)
    {
        var removeVia = Random.Next(Run.Instances.Count);
        var createVia = (removeVia + 1 + Random.Next(Run.Instances.Count - 1)) % Run.Instances.Count;
        var address = CustomerRequests.Address();
        address["name"] = $"race-{++_races}";
        var create = SendAsync("customer.address.create", new JsonObject { ["customerId"] = customer.Id, ["address"] = address }, customer, instance: createVia, inSequence: false);
        var remove = SendAsync("customer.remove", new JsonObject { ["id"] = customer.Id }, customer, instance: removeVia, inSequence: false);
        await Task.WhenAll(create, remove);
        await CheckGoneIfRemovedAsync(customer, await remove);
    }

    private async Task CheckGoneIfRemovedAsync(TrackedCustomer customer, ObservedCall remove)
    {
        if (remove.Status != HttpStatusCode.OK)
        {
            return;
        }

        customer.AcknowledgeRemove();
        for (var instance = 0; instance < Run.Instances.Count; instance++)
        {
            var info = await SendAsync("customer.info", new JsonObject { ["id"] = customer.Id }, customer, instance: instance);
            if (!info.Is(HttpStatusCode.NotFound, "customer_not_found"))
            {
                Run.Violations.Add("a customer removed with a 200 is still there", info);
            }
        }
    }
}
