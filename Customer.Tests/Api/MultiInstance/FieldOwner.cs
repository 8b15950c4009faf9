using System.Net;
using System.Text.Json.Nodes;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>
/// A client that alone sets one field of every customer, to values from a short list so that it
/// often sets a value again: after a 200 the value is stored, until this client changes it.
/// </summary>
public sealed class FieldOwner(string field, IReadOnlyList<JsonNode> values, int number, RandomRun run)
    : SimulatedClient($"{field} owner", number, run)
{
    private readonly Dictionary<string, JsonNode> _acknowledged = new(StringComparer.Ordinal);

    public override IEnumerable<string> Problems(TrackedCustomer customer, JsonObject stored)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(stored);
        var expected = Expected(customer);
        if (!JsonNode.DeepEquals(stored[field], expected))
        {
            yield return $"{field} of {customer.Id}: last acknowledged {expected!.ToJsonString()}, stored {stored[field]?.ToJsonString()}";
        }
    }

    protected override async Task ActAsync()
    {
        if (Run.Customers.Pick(Random) is not { } customer)
        {
            return;
        }

        var value = values[Random.Next(values.Count)];
        var call = await SendAsync("customer.update", new JsonObject { ["id"] = customer.Id, [field] = value.DeepClone() }, customer, MaybeVersion(customer));
        if (call.Status != HttpStatusCode.OK)
        {
            return;
        }

        _acknowledged[customer.Id] = value;
        if (!JsonNode.DeepEquals(call.Customer?[field], value))
        {
            Run.Violations.Add($"a 200 to a change of {field} that does not show it", call);
        }
    }

    private JsonNode? Expected(TrackedCustomer customer) =>
        _acknowledged.TryGetValue(customer.Id, out var value) ? value : customer.Created[field];
}
