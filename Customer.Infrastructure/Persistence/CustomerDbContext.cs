using CustomerService.Application.Common.Persistence;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;

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

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        CustomerVersioning.BumpChangedAggregates(ChangeTracker);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    async Task IUnitOfWork.SaveChangesAsync(CancellationToken cancellationToken) =>
        await SaveChangesAsync(cancellationToken);

    Task<T> IUnitOfWork.ExecuteAsync<T>(Func<CancellationToken, Task<T>> unit, CancellationToken cancellationToken)
    {
        var attempt = 0;
        return Database.CreateExecutionStrategy().ExecuteAsync(
            async token =>
            {
                if (attempt++ > 0)
                {
                    ChangeTracker.Clear();
                }

                return await unit(token);
            },
            cancellationToken);
    }

    void IUnitOfWork.DiscardChanges() => ChangeTracker.Clear();

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
