using System.Text.Json.Nodes;

namespace CustomerEvents.Example;

/// <summary>
/// The consumer's copy of the customers, and the two rules that keep it right whatever the broker does:
/// an event id is applied once (the broker may deliver an event again, always with the same id), and a
/// customer's version only goes up (each event carries the whole customer at its version, so an older
/// event arriving late is simply dropped). A removal leaves a tombstone with its version, so that a late
/// update does not bring the customer back. A real consumer keeps both in its own database, written in the
/// same transaction as the copy.
/// </summary>
public sealed class CustomerCopies
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _appliedIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Version, JsonObject? Customer)> _customers = new(StringComparer.Ordinal);

    /// <summary>Applies a customer CloudEvent; false when it was a repeat or older than what is held.</summary>
    public bool Apply(JsonObject cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var id = cloudEvent["id"]!.GetValue<string>();
        var customerId = cloudEvent["subject"]!.GetValue<string>();
        var data = cloudEvent["data"]!.AsObject();
        var (version, customer) = cloudEvent["type"]!.GetValue<string>() switch
        {
            "customer.created" or "customer.updated" => (data["customer"]!["version"]!.GetValue<int>(), data["customer"]!.DeepClone().AsObject()),

            // A removal carries the version the customer had when it was removed.
            "customer.removed" => (data["version"]!.GetValue<int>(), (JsonObject?)null),
            _ => (0, null),
        };
        if (version == 0)
        {
            return false; // a type this consumer does not know: newer services may add some
        }

        lock (_lock)
        {
            if (!_appliedIds.Add(id))
            {
                return false;
            }

            if (_customers.TryGetValue(customerId, out var held) && !Supersedes(version, removal: customer is null, held))
            {
                return false;
            }

            _customers[customerId] = (version, customer);
            return true;
        }
    }

    // A newer version wins. At the same version only a removal replaces the customer: it carries the
    // version of the last change before it.
    private static bool Supersedes(int version, bool removal, (int Version, JsonObject? Customer) held) =>
        version > held.Version || (version == held.Version && removal && held.Customer is not null);

    /// <summary>The customers currently stored (tombstones left out).</summary>
    public IReadOnlyDictionary<string, JsonObject> Snapshot()
    {
        lock (_lock)
        {
            return _customers.Where(c => c.Value.Customer is not null).ToDictionary(c => c.Key, c => c.Value.Customer!.DeepClone().AsObject(), StringComparer.Ordinal);
        }
    }
}
