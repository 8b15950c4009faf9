using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;

namespace CustomerService.Tests.Support;

/// <summary>A repository whose every read fails with the given exception: a database that misbehaves.</summary>
public sealed class ThrowingCustomerRepository(Func<Exception> failure) : ICustomerRepository
{
    public Task<Customer?> GetAsync(string id, CancellationToken cancellationToken) => throw failure();

    public Task<Customer?> GetStoredAsync(string id, CancellationToken cancellationToken) => throw failure();

    public Task<Customer?> FindForReadAsync(string id, CancellationToken cancellationToken) => throw failure();

    public Task<Customer?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) => throw failure();

    public Task<CustomerListPage> ListAsync(CustomerListFilter filter, int skip, int limit, CancellationToken cancellationToken) => throw failure();

    public void Add(Customer customer) => throw failure();

    public void Remove(Customer customer) => throw failure();

    public Task<bool> IsEmailTakenAsync(string normalizedEmail, CancellationToken cancellationToken) => throw failure();
}
