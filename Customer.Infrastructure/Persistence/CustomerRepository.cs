using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

internal sealed class CustomerRepository(CustomerDbContext db) : ICustomerRepository
{
    public Task<Customer?> GetAsync(string id, CancellationToken cancellationToken) =>
        WithAddresses(db.Customers).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<Customer?> FindForReadAsync(string id, CancellationToken cancellationToken) =>
        WithAddresses(db.Customers.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public void Add(Customer customer) => db.Customers.Add(customer);

    public Task<bool> IsEmailTakenAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.Customers.AnyAsync(c => c.NormalizedEmail == normalizedEmail, cancellationToken);

    private static IQueryable<Customer> WithAddresses(IQueryable<Customer> customers) =>
        customers.Include(c => c.Addresses.OrderBy(a => a.Position));
}
