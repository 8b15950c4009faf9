using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence.SavedCopies;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

internal sealed class CustomerRepository(CustomerDbContext db, SavedCustomerCopies copies) : ICustomerRepository
{
    // The two lookups by id run on every change and every read: compiled once, EF Core does not
    // translate them again or look them up in its query cache per call.
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

        // A change may start from this process's copy of what it last saved; the database then decides
        // (the save checks the copy's version), and a unit that never wrote it re-runs from the database.
        if (db.Copies.Allowed && copies.TryCopy(id, out var copy))
        {
            db.Customers.Attach(copy);
            db.Copies.Served(id);
            return copy;
        }

        var customer = await TrackedById.RunAsync(db, id, cancellationToken);
        if (customer is null)
        {
            copies.Forget(id);
        }
        else
        {
            copies.Remember(customer);
        }

        return customer;
    }

    public async Task<Customer?> GetStoredAsync(string id, CancellationToken cancellationToken) =>
        db.Customers.Local.FindEntry(id)?.Entity ?? await TrackedById.RunAsync(db, id, cancellationToken);

    public Task<Customer?> FindForReadAsync(string id, CancellationToken cancellationToken) =>
        UntrackedById.RunAsync(db, id, cancellationToken);

    public Task<Customer?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.Customers.FirstOrDefaultAsync(c => c.NormalizedEmail == normalizedEmail, cancellationToken);

    public Task<CustomerListPage> ListAsync(CustomerListFilter filter, int skip, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return db.Database.CreateExecutionStrategy().ExecuteAsync(
            async token =>
            {
                // The count, the page and the page's addresses are three statements: one snapshot makes
                // them agree while other requests (or instances) add and remove customers.
                await db.Database.OpenConnectionAsync(token);
                try
                {
                    await using var snapshot = await db.BeginSnapshotAsync(token);
                    var page = await ReadPageAsync(filter, skip, limit, token);
                    await snapshot.CommitAsync(token);
                    return page;
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            },
            cancellationToken);
    }

    public void Add(Customer customer) => db.Customers.Add(customer);

    public void Remove(Customer customer) => db.Customers.Remove(customer);

    public Task<bool> IsEmailTakenAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.Customers.AnyAsync(c => c.NormalizedEmail == normalizedEmail, cancellationToken);

    private async Task<CustomerListPage> ReadPageAsync(CustomerListFilter filter, int skip, int limit, CancellationToken cancellationToken)
    {
        var matching = Filtered(db.Customers.AsNoTracking(), filter);
        var total = await matching.CountAsync(cancellationToken);
        var page = total <= skip
            ? []
            : await matching
                .Include(c => c.Addresses.OrderBy(a => a.Position))
                .OrderBy(c => c.CreatedAt)
                .ThenBy(c => c.Id)
                .Skip(skip)
                .Take(limit)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
        return new CustomerListPage(page, total);
    }

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
