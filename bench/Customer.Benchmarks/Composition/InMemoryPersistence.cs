using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;

namespace CustomerService.Benchmarks.Composition;

/// <summary>Stands in for the database: the one stored customer, shared by every scope like a row.</summary>
public sealed class InMemoryCustomerStore(Customer customer)
{
    public Customer Customer { get; } = customer;
}

/// <summary>
/// <see cref="ICustomerRepository"/> without I/O: every id loads the stored customer. The answers are
/// completed tasks made once, so the fake itself allocates nothing per call.
/// </summary>
internal sealed class InMemoryCustomerRepository : ICustomerRepository
{
    private static readonly Task<bool> NotTaken = Task.FromResult(false);
    private static readonly Task<Customer?> NoCustomer = Task.FromResult<Customer?>(null);
    private readonly Task<Customer?> _stored;

    public InMemoryCustomerRepository(InMemoryCustomerStore store)
    {
        _stored = Task.FromResult<Customer?>(store.Customer);
    }

    public Task<Customer?> GetAsync(string id, CancellationToken cancellationToken) => _stored;

    public Task<Customer?> GetStoredAsync(string id, CancellationToken cancellationToken) => _stored;

    public Task<Customer?> FindForReadAsync(string id, CancellationToken cancellationToken) => _stored;

    public Task<Customer?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) => NoCustomer;

    public Task<CustomerListPage> ListAsync(CustomerListFilter filter, int skip, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Listing is not part of these benchmarks.");

    public void Add(Customer customer) => throw new NotSupportedException("Creating is not part of these benchmarks.");

    public void Remove(Customer customer) => throw new NotSupportedException("Removing is not part of these benchmarks.");

    public Task<bool> IsEmailTakenAsync(string normalizedEmail, CancellationToken cancellationToken) => NotTaken;
}

/// <summary>
/// <see cref="IUnitOfWork"/> without I/O, collecting events the way the DbContext does: a save hands
/// the stored customer's pending domain events on as committed events, and clears them from the
/// aggregate; <see cref="TakeCommittedEvents"/> returns and forgets them. ExecuteAsync runs the unit once.
/// </summary>
internal sealed class InMemoryUnitOfWork(InMemoryCustomerStore store) : IUnitOfWork
{
    private readonly List<CommittedEvent> _committed = [];

    /// <summary>
    /// False when the handler is called without the pipeline: nobody takes the events then, and a
    /// list growing for the whole run would distort the baseline. The save does the same work either way.
    /// </summary>
    public bool KeepsCommittedEvents { get; set; } = true;

    public Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var customer = store.Customer;
        foreach (var domainEvent in customer.DomainEvents)
        {
            var committed = new CommittedEvent(domainEvent, customer.Version);
            if (KeepsCommittedEvents)
            {
                _committed.Add(committed);
            }
        }

        customer.ClearDomainEvents();
        return Task.CompletedTask;
    }

    public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit(cancellationToken);
    }

    public void DiscardChanges() => _committed.Clear();

    public IReadOnlyList<CommittedEvent> TakeCommittedEvents()
    {
        if (_committed.Count == 0)
        {
            return [];
        }

        var taken = _committed.ToArray();
        _committed.Clear();
        return taken;
    }
}

/// <summary>Nothing fails without a database; only consulted when an exception occurs.</summary>
internal sealed class NoPersistenceFailures : IPersistenceFailureClassifier
{
    public PersistenceFailure? Classify(Exception exception) => null;
}
