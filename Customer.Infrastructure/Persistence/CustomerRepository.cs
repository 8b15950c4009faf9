using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

internal sealed class CustomerRepository(CustomerDbContext db) : ICustomerRepository
{
    // The two lookups by id run on every update and every read. Compiled once, they skip rebuilding
    // the LINQ expression, evaluating its closure and looking the query up in EF Core's cache each time.
    private static readonly CompiledQueryByModel<string, Customer?> TrackedById = new(() =>
        EF.CompileAsyncQuery((CustomerDbContext context, string id, CancellationToken _) =>
            context.Customers.Include(c => c.Addresses.OrderBy(a => a.Position)).FirstOrDefault(c => c.Id == id)));

    private static readonly CompiledQueryByModel<string, Customer?> UntrackedById = new(() =>
        EF.CompileAsyncQuery((CustomerDbContext context, string id, CancellationToken _) =>
            context.Customers.AsNoTracking().Include(c => c.Addresses.OrderBy(a => a.Position)).FirstOrDefault(c => c.Id == id)));

    public async Task<Customer?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (db.Customers.Local.FindEntry(id) is { } tracked)
        {
            return tracked.Entity;
        }

        var copies = db.SavedCopies;
        if (copies is not null && copies.TryCopy(id, out var copy))
        {
            // Tracked as the database held it at the copy's version; its save checks that version.
            db.Customers.Attach(copy);
            return copy;
        }

        var customer = await TrackedById.RunAsync(db, id, cancellationToken);
        if (customer is not null)
        {
            copies?.Remember(customer);
        }

        return customer;
    }

    public async Task<Customer?> GetFromDatabaseAsync(string id, CancellationToken cancellationToken)
    {
        db.SavedCopies?.Forget(id);
        if (db.Customers.Local.FindEntry(id) is { } tracked)
        {
            // The tracked customer may have come from a copy: let go of it and its addresses.
            foreach (var address in tracked.Entity.Addresses)
            {
                db.Entry(address).State = EntityState.Detached;
            }

            tracked.State = EntityState.Detached;
        }

        return await GetAsync(id, cancellationToken);
    }

    public Task<Customer?> FindForReadAsync(string id, CancellationToken cancellationToken) =>
        UntrackedById.RunAsync(db, id, cancellationToken);

    public Task<Customer?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.Customers.FirstOrDefaultAsync(c => c.NormalizedEmail == normalizedEmail, cancellationToken);

    public async Task<CustomerListPage> ListAsync(CustomerListFilter filter, int skip, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var matching = Filtered(db.Customers.AsNoTracking(), filter);
        var total = await matching.CountAsync(cancellationToken);
        var page = total <= skip
            ? []
            : await WithAddresses(matching)
                .OrderBy(c => c.CreatedAt)
                .ThenBy(c => c.Id)
                .Skip(skip)
                .Take(limit)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
        return new CustomerListPage(page, total);
    }

    public void Add(Customer customer) => db.Customers.Add(customer);

    public void Remove(Customer customer) => db.Customers.Remove(customer);

    public Task<bool> IsEmailTakenAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.Customers.AnyAsync(c => c.NormalizedEmail == normalizedEmail, cancellationToken);

    private static IQueryable<Customer> WithAddresses(IQueryable<Customer> customers) =>
        customers.Include(c => c.Addresses.OrderBy(a => a.Position));

    private static IQueryable<Customer> Filtered(IQueryable<Customer> customers, CustomerListFilter filter)
    {
        if (filter.Ids.Count > 0)
        {
            customers = customers.Where(c => filter.Ids.Contains(c.Id));
        }

        if (filter.NormalizedEmails.Count > 0)
        {
            customers = customers.Where(c => filter.NormalizedEmails.Contains(c.NormalizedEmail));
        }

        if (filter.Statuses.Count > 0)
        {
            customers = customers.Where(c => filter.Statuses.Contains(c.Status));
        }

        if (filter.Tags.Count > 0)
        {
            customers = customers.Where(c => c.Tags.Any(tag => filter.Tags.Contains(tag)));
        }

        return customers;
    }
}
