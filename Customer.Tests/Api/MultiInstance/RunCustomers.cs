namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>Every customer a randomized run created, in creation order.</summary>
public sealed class RunCustomers
{
    private readonly List<TrackedCustomer> _all = [];
    private readonly Lock _lock = new();

    public void Add(TrackedCustomer customer)
    {
        lock (_lock)
        {
            _all.Add(customer);
        }
    }

    public IReadOnlyList<TrackedCustomer> All()
    {
        lock (_lock)
        {
            return [.. _all];
        }
    }

    public TrackedCustomer? Find(string id) => All().FirstOrDefault(c => c.Id == id);

    /// <summary>Those not known to be removed.</summary>
    public IReadOnlyList<TrackedCustomer> Live() => [.. All().Where(c => !c.RemoveAcknowledged)];

    /// <summary>
    /// Mostly one not known to be removed; now and then any, so that calls about removed customers
    /// (which must answer customer_not_found) are part of the load.
    /// </summary>
    public TrackedCustomer? Pick(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var candidates = random.NextDouble() < 0.1 ? All() : Live();
        return candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];
    }
}
