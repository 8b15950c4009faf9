using CustomerService.Application.Common.Persistence;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// The Customer aggregate's database. Each provider has a subclass of its own so that each keeps
/// its own migrations (<see cref="SqliteCustomerDbContext"/>, <see cref="SqlServerCustomerDbContext"/>).
/// </summary>
public abstract class CustomerDbContext : DbContext, IUnitOfWork
{
    protected CustomerDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Customer> Customers => Set<Customer>();

    private readonly List<CommittedEvent> _committedEvents = [];

    private bool _copiesResolved;
    private SavedCustomerCopies? _copies;

    /// <summary>
    /// The application's copies of saved customers, when the context was built by the service's
    /// container (a pooled context keeps it: its options never change); none for a context built by hand.
    /// </summary>
    internal SavedCustomerCopies? SavedCopies
    {
        get
        {
            if (!_copiesResolved)
            {
                _copies = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()
                    ?.ApplicationServiceProvider?.GetService(typeof(SavedCustomerCopies)) as SavedCustomerCopies;
                _copiesResolved = true;
            }

            return _copies;
        }
    }

    /// <summary>
    /// Saves, raising the version of every changed customer; once the save has succeeded, takes the
    /// saved customers' domain events, each with the version just stored, for the unit of work to hand on.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // One scan for changes per save: Entries() and SaveChanges would each scan again, and the
        // version bump below goes through the entry API, which needs no scan to be seen.
        ChangeTracker.DetectChanges();
        var autoDetectChanges = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        List<Customer> raising;
        int saved;
        try
        {
            CustomerVersioning.BumpChangedAggregates(ChangeTracker);

            // Collected before saving, in one pass over the tracked customers: a deleted customer is no
            // longer tracked afterwards. Those with events raise them; those written are kept as copies.
            var copies = SavedCopies;
            raising = [];
            List<(Customer Customer, bool Deleted)>? written = copies is null ? null : [];
            foreach (var entry in ChangeTracker.Entries<Customer>())
            {
                if (entry.Entity.DomainEvents.Count > 0)
                {
                    raising.Add(entry.Entity);
                }

                if (written is not null && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                {
                    written.Add((entry.Entity, entry.State == EntityState.Deleted));
                }
            }

            try
            {
                using (await EnterWriteAsync(cancellationToken))
                {
                    saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                }
            }
            catch
            {
                // Whatever failed (a conflict, the unique index, the database), no copy of a customer
                // involved is trusted any longer: the retry, if any, starts from the database.
                if (copies is not null)
                {
                    foreach (var entry in ChangeTracker.Entries<Customer>())
                    {
                        copies.Forget(entry.Entity.Id);
                    }
                }

                throw;
            }

            if (copies is not null && written is not null)
            {
                foreach (var (customer, deleted) in written)
                {
                    if (deleted)
                    {
                        copies.Forget(customer.Id);
                    }
                    else
                    {
                        copies.Remember(customer);
                    }
                }
            }
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetectChanges;
        }

        foreach (var customer in raising)
        {
            _committedEvents.AddRange(customer.DomainEvents.Select(e => new CommittedEvent(e, customer.Version)));
            customer.ClearDomainEvents();
        }

        return saved;
    }

    /// <summary>
    /// Waits for this process's turn to write to the database, where the provider needs one
    /// (<see cref="SqliteWriteGate"/>); the returned turn ends when disposed. None by default.
    /// </summary>
    protected virtual ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IDisposable?>(null);

    async Task IUnitOfWork.SaveChangesAsync(CancellationToken cancellationToken) =>
        await SaveChangesAsync(cancellationToken);

    Task<T> IUnitOfWork.ExecuteAsync<TState, T>(TState state, Func<TState, CancellationToken, Task<T>> unit, CancellationToken cancellationToken)
    {
        var attempt = 0;
        return Database.CreateExecutionStrategy().ExecuteAsync(
            async token =>
            {
                if (attempt++ > 0)
                {
                    ChangeTracker.Clear();
                }

                // One connection for the whole unit: the load and the save would otherwise each take
                // one from the pool and prepare it.
                await Database.OpenConnectionAsync(token);
                try
                {
                    return await unit(state, token);
                }
                finally
                {
                    await Database.CloseConnectionAsync();
                }
            },
            cancellationToken);
    }

    void IUnitOfWork.DiscardChanges()
    {
        ChangeTracker.Clear();
        _committedEvents.Clear();
    }

    IReadOnlyList<CommittedEvent> IUnitOfWork.TakeCommittedEvents()
    {
        if (_committedEvents.Count == 0)
        {
            return [];
        }

        var taken = _committedEvents.ToArray();
        _committedEvents.Clear();
        return taken;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CustomerDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
