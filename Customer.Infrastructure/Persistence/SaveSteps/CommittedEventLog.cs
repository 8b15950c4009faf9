using CustomerService.Application.Common.Persistence;
using CustomerService.Domain.Customers;

namespace CustomerService.Infrastructure.Persistence.SaveSteps;

/// <summary>
/// One context's domain events whose saves have committed, each with the version its customer was
/// stored at (for a removal, the last version it had), until the unit of work takes them.
/// </summary>
internal sealed class CommittedEventLog
{
    private readonly List<Customer> _saving = [];
    private readonly List<CommittedEvent> _committed = [];

    /// <summary>Notes the customers whose events the save under way will commit.</summary>
    public void Saving(IEnumerable<Customer> customers)
    {
        _saving.Clear();
        _saving.AddRange(customers);
    }

    /// <summary>The save succeeded: its customers' events are committed, and leave the customers.</summary>
    public void Commit()
    {
        foreach (var customer in _saving)
        {
            _committed.AddRange(customer.DomainEvents.Select(e => new CommittedEvent(e, customer.Version)));
            customer.ClearDomainEvents();
        }

        _saving.Clear();
    }

    /// <summary>The save failed: nothing it noted was committed.</summary>
    public void Abandon() => _saving.Clear();

    public IReadOnlyList<CommittedEvent> Take()
    {
        var taken = _committed.ToArray();
        _committed.Clear();
        return taken;
    }

    public void Clear()
    {
        _saving.Clear();
        _committed.Clear();
    }
}
