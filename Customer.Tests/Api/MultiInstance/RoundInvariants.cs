using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>
/// What must hold once a round is over and nothing is in flight: every instance reads every customer
/// the same, each field holds its owner's last acknowledged value, the last acknowledged write is what
/// is stored, removed means gone everywhere, and customer.list agrees through every instance.
/// </summary>
public sealed class RoundInvariants(RandomRun run, IReadOnlyList<SimulatedClient> clients)
{
    public async Task CheckAsync()
    {
        var surviving = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var customer in run.Customers.All())
        {
            if (await StoredAsync(customer) is { } stored)
            {
                surviving[customer.Id] = stored.ToJsonString();
                CheckSurvivor(customer, stored);
            }
        }

        await CheckListsAsync(surviving);
    }

    /// <summary>The customer as all instances read it, or null when it is gone; reports disagreement.</summary>
    private async Task<JsonObject?> StoredAsync(TrackedCustomer customer)
    {
        var answers = await Task.WhenAll(run.Instances.Select(i => i.PostAsync("customer.info", new JsonObject { ["id"] = customer.Id })));
        var outcomes = answers.Select((a, i) => $"instance {i}: {(int)a.Status} {a.Text}").ToList();
        if (answers.Select(a => (a.Status, a.Text)).Distinct().Count() > 1)
        {
            Add("instances read one customer differently", string.Join("; ", outcomes));
        }

        var first = answers[0];
        if (first.Status == HttpStatusCode.NotFound && first.Error == "customer_not_found")
        {
            if (!customer.RemoveAcknowledged)
            {
                Add("a customer is gone without an acknowledged remove", outcomes[0]);
            }

            return null;
        }

        if (first.Status != HttpStatusCode.OK)
        {
            Add("customer.info after the round is neither 200 nor customer_not_found", outcomes[0]);
            return null;
        }

        return first.Customer;
    }

    private void CheckSurvivor(TrackedCustomer customer, JsonObject stored)
    {
        if (customer.RemoveAcknowledged)
        {
            Add("a remove answered 200 but the customer is still there", stored.ToJsonString());
        }

        foreach (var problem in clients.SelectMany(c => c.Problems(customer, stored)))
        {
            Add("an acknowledged change is not stored", problem);
        }

        var lastWrite = customer.LastWrite;
        if (lastWrite.State != stored.ToJsonString())
        {
            Add("the stored customer is not the last acknowledged write", $"stored {stored.ToJsonString()}; last acknowledged write: {lastWrite.Call}");
        }

        foreach (var notFound in customer.TakeNotFoundAnswers())
        {
            Add("customer_not_found for a customer that was never removed", notFound.ToString());
        }
    }

    private async Task CheckListsAsync(Dictionary<string, string> surviving)
    {
        var lists = await Task.WhenAll(run.Instances.Select(i =>
            i.PostAsync("customer.list", new JsonObject { ["tags"] = run.RunTag, ["limit"] = 100 })));
        for (var i = 0; i < lists.Length; i++)
        {
            if (lists[i].Status != HttpStatusCode.OK)
            {
                Add("customer.list after the round failed", $"instance {i}: {lists[i].Text}");
                continue;
            }

            var total = lists[i].Body["page"]!["total"]!.GetValue<int>();
            var listed = lists[i].Body["data"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!.ToJsonString(), StringComparer.Ordinal);
            if (total != surviving.Count || listed.Count != surviving.Count || listed.Any(c => surviving.GetValueOrDefault(c.Key) != c.Value))
            {
                Add("customer.list does not show exactly the surviving customers as customer.info reads them",
                    $"instance {i}: total {total}, {listed.Count} listed, {surviving.Count} surviving; listed ids {string.Join(' ', listed.Keys.Order(StringComparer.Ordinal))}; surviving {string.Join(' ', surviving.Keys.Order(StringComparer.Ordinal))}");
            }
        }
    }

    private void Add(string rule, string detail) => run.Violations.Add(rule, $"after round {run.Round}: {detail}");
}
