using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;

namespace CustomerService.Tests.Support;

/// <summary>
/// The real repository, except that the friendly email pre-check always says "free": as if another request
/// claimed the email just after the check, so the unique index decides, every time.
/// </summary>
public sealed class RaceLosingCustomerRepository(ICustomerRepository inner) : ICustomerRepository
{
    public Task<Customer?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public Task<Customer?> GetStoredAsync(string id, CancellationToken cancellationToken) => inner.GetStoredAsync(id, cancellationToken);

    public Task<Customer?> FindForReadAsync(string id, CancellationToken cancellationToken) => inner.FindForReadAsync(id, cancellationToken);

    public Task<Customer?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) => inner.FindByEmailAsync(normalizedEmail, cancellationToken);

    public Task<CustomerListPage> ListAsync(CustomerListFilter filter, int skip, int limit, CancellationToken cancellationToken) =>
        inner.ListAsync(filter, skip, limit, cancellationToken);

    public void Add(Customer customer) => inner.Add(customer);

    public void Remove(Customer customer) => inner.Remove(customer);

    public Task<bool> IsEmailTakenAsync(string normalizedEmail, CancellationToken cancellationToken) => Task.FromResult(false);
}
