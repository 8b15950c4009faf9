using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers;

/// <summary>Loads and stores Customer aggregates; saving happens through the unit of work.</summary>
public interface ICustomerRepository
{
    /// <summary>Loads the customer with its addresses, tracked for changes; null when no customer has that id.</summary>
    Task<Customer?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Loads the customer with its addresses for reading only; null when no customer has that id.</summary>
    Task<Customer?> FindForReadAsync(string id, CancellationToken cancellationToken);

    void Add(Customer customer);

    /// <summary>Whether any customer holds this normalized email (see <see cref="EmailAddress.Normalized"/>).</summary>
    Task<bool> IsEmailTakenAsync(string normalizedEmail, CancellationToken cancellationToken);
}
