using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using CustomerService.Domain.Customers;

namespace CustomerService.Infrastructure.Persistence.SavedCopies;

/// <summary>
/// The state in which this process last loaded or saved each customer, so that a change need not read
/// the customer back first. A copy is only ever a starting point that the database then decides on
/// (<see cref="CopiesInUse"/>, docs/decisions/010-persistence.md). Bounded: past its capacity it starts
/// again empty.
/// </summary>
public sealed class SavedCustomerCopies
{
    /// <summary>About 2 KB per customer with two addresses: 20 000 copies stay well under 50 MB.</summary>
    public const int DefaultCapacity = 20_000;

    private readonly ConcurrentDictionary<string, Customer> _copies = new(StringComparer.Ordinal);
    private readonly int _capacity;

    public SavedCustomerCopies(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    public int Count => _copies.Count;

    /// <summary>A new copy of the customer's last known state, for the caller to change and track.</summary>
    public bool TryCopy(string id, [NotNullWhen(true)] out Customer? customer)
    {
        if (_copies.TryGetValue(id, out var kept))
        {
            customer = kept.Copy();
            return true;
        }

        customer = null;
        return false;
    }

    /// <summary>Keeps a copy of the customer as it is now: call only with a state the database held.</summary>
    public void Remember(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (_copies.Count >= _capacity && !_copies.ContainsKey(customer.Id))
        {
            _copies.Clear();
        }

        var copy = customer.Copy();

        // Two saves of one customer can finish in either order; the later version is the one to keep.
        _copies.AddOrUpdate(copy.Id, copy, (_, kept) => kept.Version > copy.Version ? kept : copy);
    }

    public void Forget(string id) => _copies.TryRemove(id, out _);
}
