using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>
/// The client that alone adds, changes and removes addresses named <c>own-…</c>, cities from a short
/// list: after each 200 it knows exactly which of those addresses each customer has, in which order,
/// with which city. Now and then it calls about an address it has removed, which must answer 404.
/// </summary>
public sealed class AddressOwner(int number, RandomRun run) : SimulatedClient("address owner", number, run)
{
    private const string Prefix = "own-";
    private const int MaxOwned = 4;
    private static readonly string[] Cities = ["Springfield", "Peoria", "Urbana"];

    private readonly Dictionary<string, List<(string Id, string Name, string City)>> _owned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _removed = new(StringComparer.Ordinal);
    private int _added;

    public override IEnumerable<string> Problems(TrackedCustomer customer, JsonObject stored)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(stored);
        var expected = string.Join(", ", Owned(customer).Select(a => $"{a.Name} {a.City}"));
        var actual = string.Join(", ", stored["addresses"]!.AsArray()
            .Where(a => a!["name"]!.GetValue<string>().StartsWith(Prefix, StringComparison.Ordinal))
            .Select(a => $"{a!["name"]} {a["city"]}"));
        if (actual != expected)
        {
            yield return $"addresses of {customer.Id}: last acknowledged [{expected}], stored [{actual}]";
        }
    }

    protected override async Task ActAsync()
    {
        if (Run.Customers.Pick(Random) is not { } customer)
        {
            return;
        }

        var owned = Owned(customer);
        var choice = Random.NextDouble();
        if (choice < 0.1 && _removed.GetValueOrDefault(customer.Id) is [_, ..] removed)
        {
            await ChangeRemovedAsync(customer, removed[Random.Next(removed.Count)]);
        }
        else if (owned.Count == 0 || (owned.Count < MaxOwned && choice < 0.45))
        {
            await AddAsync(customer, owned);
        }
        else if (choice < 0.75)
        {
            await UpdateAsync(customer, owned, Random.Next(owned.Count));
        }
        else
        {
            await RemoveAsync(customer, owned, Random.Next(owned.Count));
        }
    }

    private async Task AddAsync(TrackedCustomer customer, List<(string Id, string Name, string City)> owned)
    {
        var address = CustomerRequests.Address();
        address["name"] = $"{Prefix}{++_added}";
        address["city"] = Cities[Random.Next(Cities.Length)];
        var call = await SendAsync("customer.address.create", new JsonObject { ["customerId"] = customer.Id, ["address"] = address.DeepClone() }, customer, MaybeVersion(customer));
        if (call.Status != HttpStatusCode.OK)
        {
            return;
        }

        if (Steps.AddressNamed(call.Customer!, address["name"]!.GetValue<string>()) is { } added && added["city"]!.GetValue<string>() == address["city"]!.GetValue<string>())
        {
            owned.Add((added["id"]!.GetValue<string>(), added["name"]!.GetValue<string>(), added["city"]!.GetValue<string>()));
        }
        else
        {
            Run.Violations.Add("a 200 to customer.address.create that does not show the address", call);
        }
    }

    private async Task UpdateAsync(TrackedCustomer customer, List<(string Id, string Name, string City)> owned, int index)
    {
        var city = Cities[Random.Next(Cities.Length)];
        var change = new JsonObject { ["customerId"] = customer.Id, ["address"] = new JsonObject { ["id"] = owned[index].Id, ["city"] = city } };
        var call = await SendAsync("customer.address.update", change, customer, MaybeVersion(customer));
        if (call.Status == HttpStatusCode.OK)
        {
            owned[index] = owned[index] with { City = city };
            if (call.Customer!["addresses"]!.AsArray().FirstOrDefault(a => a!["id"]!.GetValue<string>() == owned[index].Id)?["city"]?.GetValue<string>() != city)
            {
                Run.Violations.Add("a 200 to customer.address.update that does not show the change", call);
            }
        }
        else
        {
            CheckNotMissing(call);
        }
    }

    private async Task RemoveAsync(TrackedCustomer customer, List<(string Id, string Name, string City)> owned, int index)
    {
        var address = owned[index];
        var call = await SendAsync("customer.address.remove", new JsonObject { ["customerId"] = customer.Id, ["addressId"] = address.Id }, customer, MaybeVersion(customer));
        if (call.Status == HttpStatusCode.OK)
        {
            owned.RemoveAt(index);
            _removed.TryAdd(customer.Id, []);
            _removed[customer.Id].Add(address.Id);
            if (call.Customer!["addresses"]!.AsArray().Any(a => a!["id"]!.GetValue<string>() == address.Id))
            {
                Run.Violations.Add("a 200 to customer.address.remove that still shows the address", call);
            }
        }
        else
        {
            CheckNotMissing(call);
        }
    }

    /// <summary>An update or remove of an address this client removed: customer_address_not_found (or customer_not_found), never a 200.</summary>
    private async Task ChangeRemovedAsync(TrackedCustomer customer, string addressId)
    {
        var call = Random.Next(2) == 0
            ? await SendAsync("customer.address.remove", new JsonObject { ["customerId"] = customer.Id, ["addressId"] = addressId }, customer)
            : await SendAsync("customer.address.update", new JsonObject { ["customerId"] = customer.Id, ["address"] = new JsonObject { ["id"] = addressId, ["city"] = Cities[0] } }, customer);
        if (!call.Is(HttpStatusCode.NotFound, "customer_address_not_found") && !call.Is(HttpStatusCode.NotFound, "customer_not_found"))
        {
            Run.Violations.Add("a call about a removed address that is not a 404", call);
        }
    }

    // The address was added with a 200 and not removed: the customer has it as long as the customer exists.
    private void CheckNotMissing(ObservedCall call)
    {
        if (call.Is(HttpStatusCode.NotFound, "customer_address_not_found"))
        {
            Run.Violations.Add("customer_address_not_found for an address added with a 200 and never removed", call);
        }
    }

    private List<(string Id, string Name, string City)> Owned(TrackedCustomer customer)
    {
        if (!_owned.TryGetValue(customer.Id, out var owned))
        {
            owned = [];
            _owned[customer.Id] = owned;
        }

        return owned;
    }
}
