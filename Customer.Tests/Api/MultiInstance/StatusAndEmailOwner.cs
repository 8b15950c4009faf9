using System.Net;
using System.Text.Json.Nodes;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>
/// The client that alone sets status and email, and checks credentials: knowing both exactly, it
/// knows what customer.checkCredentials must answer.
/// </summary>
public sealed class StatusAndEmailOwner(int number, RandomRun run) : SimulatedClient("status and email owner", number, run)
{
    private readonly Dictionary<string, string> _status = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _email = new(StringComparer.Ordinal);

    // A refusal of an ACTIVE customer is a fault only if the customer was not being removed: known once the round is over.
    private readonly Dictionary<string, List<ObservedCall>> _refusedWhileActive = new(StringComparer.Ordinal);

    public override IEnumerable<string> Problems(TrackedCustomer customer, JsonObject stored)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(stored);
        if (stored["status"]!.GetValue<string>() != Status(customer))
        {
            yield return $"status of {customer.Id}: last acknowledged {Status(customer)}, stored {stored["status"]}";
        }

        if (stored["email"]!.GetValue<string>() != Email(customer))
        {
            yield return $"email of {customer.Id}: last acknowledged {Email(customer)}, stored {stored["email"]}";
        }

        if (_refusedWhileActive.Remove(customer.Id, out var refusals))
        {
            foreach (var refusal in refusals)
            {
                yield return $"checkCredentials refused the ACTIVE customer {customer.Id}, which was not removed: {refusal}";
            }
        }
    }

    protected override async Task ActAsync()
    {
        if (Run.Customers.Pick(Random) is not { } customer)
        {
            return;
        }

        var choice = Random.NextDouble();
        if (choice < 0.25)
        {
            await CheckCredentialsAsync(customer);
            return;
        }

        var change = new JsonObject { ["id"] = customer.Id };
        if (choice < 0.75)
        {
            change["status"] = Random.Next(2) == 0 ? "ACTIVE" : "INACTIVE";
        }

        if (choice >= 0.65)
        {
            change["email"] = customer.EmailChoices[Random.Next(customer.EmailChoices.Count)];
        }

        var call = await SendAsync("customer.update", change, customer, MaybeVersion(customer));
        if (call.Status != HttpStatusCode.OK)
        {
            return;
        }

        foreach (var (field, known) in new[] { ("status", _status), ("email", _email) })
        {
            if (change[field]?.GetValue<string>() is { } value)
            {
                known[customer.Id] = value;
                if (call.Customer?[field]?.GetValue<string>() != value)
                {
                    Run.Violations.Add($"a 200 to a change of {field} that does not show it", call);
                }
            }
        }
    }

    private async Task CheckCredentialsAsync(TrackedCustomer customer)
    {
        var active = Status(customer) == "ACTIVE";
        var call = await SendAsync("customer.checkCredentials", new JsonObject { ["email"] = Email(customer), ["password"] = customer.Password }, customer);
        if (call.IsOk && (!active || call.Body?["customer"]?["id"]?.GetValue<string>() != customer.Id))
        {
            Run.Violations.Add($"checkCredentials accepted a customer last acknowledged as {Status(customer)}, or answered another id", call);
        }
        else if (call.Status == HttpStatusCode.Unauthorized && active)
        {
            _refusedWhileActive.TryAdd(customer.Id, []);
            _refusedWhileActive[customer.Id].Add(call);
        }
    }

    private string Status(TrackedCustomer customer) => _status.GetValueOrDefault(customer.Id) ?? customer.Created["status"]!.GetValue<string>();

    private string Email(TrackedCustomer customer) => _email.GetValueOrDefault(customer.Id) ?? customer.Created["email"]!.GetValue<string>();
}
