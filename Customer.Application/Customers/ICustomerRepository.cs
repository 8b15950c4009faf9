using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers;

/// <summary>Loads and stores Customer aggregates; saving happens through the unit of work.</summary>
public interface ICustomerRepository
{
    /// <summary>Loads the customer with its addresses as stored, tracked for changes; null when no customer has that id.</summary>
    Task<Customer?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Loads the customer with its addresses from the database, never from a saved copy, tracked for
    /// changes; null when no customer has that id. For a change whose decision has a cost or an effect
    /// even when nothing is written (a password check), so it must be decided on the stored state at once.
    /// </summary>
    Task<Customer?> GetStoredAsync(string id, CancellationToken cancellationToken);

    /// <summary>Loads the customer with its addresses for reading only; null when no customer has that id.</summary>
    Task<Customer?> FindForReadAsync(string id, CancellationToken cancellationToken);

    /// <summary>Loads the customer holding this normalized email, tracked for changes; null when none does.</summary>
    Task<Customer?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the customers matching the filter, oldest first (then by id), filtered and paged in
    /// the database; the page and the total are read from one snapshot, so they always agree.
    /// </summary>
    Task<CustomerListPage> ListAsync(CustomerListFilter filter, int skip, int limit, CancellationToken cancellationToken);

    void Add(Customer customer);

    /// <summary>Deletes the customer with its addresses when the unit of work saves.</summary>
    void Remove(Customer customer);

    /// <summary>Whether any customer holds this normalized email (see <see cref="EmailAddress.Normalized"/>).</summary>
    Task<bool> IsEmailTakenAsync(string normalizedEmail, CancellationToken cancellationToken);
}
