using CustomerService.Application.Common.Persistence;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Messaging.Outbox;
using CustomerService.Infrastructure.Persistence.SavedCopies;
using CustomerService.Infrastructure.Persistence.SaveSteps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// The Customer aggregate's database and unit of work. Each provider has a subclass of its own so that
/// each keeps its own migrations (<see cref="SqliteCustomerDbContext"/>, <see cref="SqlServerCustomerDbContext"/>).
/// What a save does besides writing (versions, events, saved copies) is in SaveChanges interceptors
/// (<see cref="SaveStepsOptions.AddCustomerSaveSteps"/>).
/// </summary>
public abstract class CustomerDbContext : DbContext, IUnitOfWork
{
    protected CustomerDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Customer> Customers => Set<Customer>();

    internal DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    internal DbSet<PendingOutboxMessage> PendingOutboxMessages => Set<PendingOutboxMessage>();

    internal DbSet<MessagingLease> MessagingLeases => Set<MessagingLease>();

    internal CommittedEventLog CommittedEvents { get; } = new();

    internal CopiesInUse Copies { get; } = new();

    /// <summary>The outbox messages of this context's saves that wait for their transaction to commit.</summary>
    internal OutboxWriteQueue OutboxWrites { get; } = new();

    /// <summary>
    /// Starts, on the open connection, a transaction for reading in which every query sees the same
    /// committed state, whatever other connections commit meanwhile. Commit it when the reads are done.
    /// </summary>
    internal abstract Task<IDbContextTransaction> BeginSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs statements that write without SaveChanges (ExecuteUpdate, ExecuteDelete, raw SQL) at the
    /// moment this provider lets a save write: on SQLite, at this process's turn at the write gate.
    /// </summary>
    internal virtual Task<T> WriteOutsideSaveAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return write(cancellationToken);
    }

    /// <summary>
    /// Scans for changes once, before the save steps, which read the result; EF Core's own scan, which
    /// would follow the steps and find nothing new, is skipped (a scan showed as 2% of an update's CPU).
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detectChanges = ScanOnceForChanges();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detectChanges = ScanOnceForChanges();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
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
                    ((IUnitOfWork)this).DiscardChanges();
                }

                // One connection for the whole unit, rather than one opened for the load and another for the save.
                await Database.OpenConnectionAsync(token);
                try
                {
                    return await RunDecidedByTheDatabaseAsync(unit, token);
                }
                finally
                {
                    await Database.CloseConnectionAsync();
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs the unit; when it ended without writing a customer it started from a saved copy (so no
    /// version check confirmed the copy), runs it again from the database: a copy never decides an answer.
    /// </summary>
    private async Task<T> RunDecidedByTheDatabaseAsync<T>(Func<CancellationToken, Task<T>> unit, CancellationToken cancellationToken)
    {
        Copies.StartUnit();
        try
        {
            var result = await unit(cancellationToken);
            if (!Copies.AnyUnconfirmed)
            {
                return result;
            }
        }
        catch (Exception ex) when (Copies.AnyUnconfirmed && ex is not (DbUpdateException or OperationCanceledException))
        {
            // A rule the customer's copy broke, perhaps only because the copy was out of date.
        }

        ((IUnitOfWork)this).DiscardChanges();
        Copies.RefuseCopies();
        return await unit(cancellationToken);
    }

    void IUnitOfWork.DiscardChanges()
    {
        ChangeTracker.Clear();
        CommittedEvents.Clear();
        OutboxWrites.Clear();
    }

    IReadOnlyList<CommittedEvent> IUnitOfWork.TakeCommittedEvents() => CommittedEvents.Take();

    private bool ScanOnceForChanges()
    {
        var detectChanges = ChangeTracker.AutoDetectChangesEnabled;
        if (detectChanges)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        return detectChanges;
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
