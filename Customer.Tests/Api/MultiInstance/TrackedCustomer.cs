using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>
/// A customer the randomized run created, and what its answers said about it. What each field must
/// hold is not here: each field has one owning client, which keeps its own last acknowledged value.
/// States are kept as JSON text: clients on other threads read them, and a parsed JSON node is not
/// safe to read from two threads at once.
/// </summary>
public sealed class TrackedCustomer
{
    private readonly string _created;
    private readonly ConcurrentDictionary<int, (string State, ObservedCall Call)> _stateByVersion = new();
    private readonly ConcurrentQueue<ObservedCall> _notFoundAnswers = new();
    private readonly Lock _lastWriteLock = new();
    private volatile bool _removeAcknowledged;

    public TrackedCustomer(ObservedCall created, JsonObject customer, string password, IReadOnlyList<string> emailChoices)
    {
        ArgumentNullException.ThrowIfNull(created);
        ArgumentNullException.ThrowIfNull(customer);
        Id = customer["id"]!.GetValue<string>();
        _created = customer.ToJsonString();
        Password = password;
        EmailChoices = emailChoices;
        LastWrite = (Version(customer), _created, created);
        _stateByVersion[LastWrite.Version] = (_created, created);
    }

    public string Id { get; }

    /// <summary>The customer as customer.create answered it (a fresh copy each time): each field's value until its owner changes it.</summary>
    public JsonObject Created => JsonNode.Parse(_created)!.AsObject();

    public string Password { get; }

    /// <summary>The few emails its owner switches between; the first is the one it was created with.</summary>
    public IReadOnlyList<string> EmailChoices { get; }

    public bool RemoveAcknowledged => _removeAcknowledged;

    /// <summary>The 200 answer to a change (create included) that showed the highest version, and the customer it showed.</summary>
    public (int Version, string State, ObservedCall Call) LastWrite { get; private set; }

    public void AcknowledgeRemove() => _removeAcknowledged = true;

    /// <summary>
    /// Records a 200 answer showing this customer. One version is one stored state, so two answers
    /// naming the same version must show the same customer; returns the earlier answer when they differ.
    /// </summary>
    public ObservedCall? Observe(ObservedCall call, JsonObject customer, bool isWrite)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(customer);
        var version = Version(customer);
        var state = customer.ToJsonString();
        if (isWrite)
        {
            lock (_lastWriteLock)
            {
                if (version > LastWrite.Version)
                {
                    LastWrite = (version, state, call);
                }
            }
        }

        var first = _stateByVersion.GetOrAdd(version, (state, call));
        return first.State == state ? null : first.Call;
    }

    public void RecordNotFound(ObservedCall call) => _notFoundAnswers.Enqueue(call);

    /// <summary>The customer_not_found answers recorded since the last time they were taken.</summary>
    public List<ObservedCall> TakeNotFoundAnswers()
    {
        var taken = new List<ObservedCall>();
        while (_notFoundAnswers.TryDequeue(out var call))
        {
            taken.Add(call);
        }

        return taken;
    }

    public static int Version(JsonObject customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer["version"]!.GetValue<int>();
    }
}
