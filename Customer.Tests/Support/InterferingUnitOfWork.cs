using CustomerService.Application.Common.Persistence;
using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DomainCustomer = CustomerService.Domain.Customers.Customer;

namespace CustomerService.Tests.Support;

/// <summary>What another writer does to the customers being saved, just before the save.</summary>
public enum Interference
{
    /// <summary>Changes them (raises their version), as another request or instance would.</summary>
    ChangeThem,

    /// <summary>Removes them, with their addresses.</summary>
    RemoveThem,
}

/// <summary>
/// The real unit of work, except that its first save (across the whole test host) loses a real race:
/// just before it, another connection changes or removes the customers being saved, so the save meets
/// a concurrent change and the unit-of-work behaviour re-runs the command.
/// </summary>
public sealed class InterferingUnitOfWork(
    CustomerDbContext db, IServiceScopeFactory scopes, InterferingUnitOfWork.Budget budget, Interference interference = Interference.ChangeThem) : IUnitOfWork
{
    private readonly IUnitOfWork _inner = db;

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        if (budget.TryUse())
        {
            var ids = db.ChangeTracker.Entries<DomainCustomer>().Select(e => e.Entity.Id).ToList();
            await using var scope = scopes.CreateAsyncScope();
            var others = scope.ServiceProvider.GetRequiredService<CustomerDbContext>().Customers.Where(c => ids.Contains(c.Id));
            _ = interference == Interference.RemoveThem
                ? await others.ExecuteDeleteAsync(cancellationToken)
                : await others.ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        }

        await _inner.SaveChangesAsync(cancellationToken);
    }

    public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> unit, CancellationToken cancellationToken) =>
        _inner.ExecuteAsync(unit, cancellationToken);

    public void DiscardChanges() => _inner.DiscardChanges();

    public IReadOnlyList<CommittedEvent> TakeCommittedEvents() => _inner.TakeCommittedEvents();

    /// <summary>How many saves may still be interfered with.</summary>
    public sealed class Budget(int interferences = 1)
    {
        private int _attempts;

        /// <summary>How many saves were interfered with.</summary>
        public int Used => Math.Min(interferences, Volatile.Read(ref _attempts));

        public bool TryUse() => Interlocked.Increment(ref _attempts) <= interferences;
    }
}

public static class InterferenceInjection
{
    /// <summary>The unit of work whose first save meets another writer's change or removal (see <see cref="InterferingUnitOfWork"/>).</summary>
    public static IServiceCollection AddInterferingUnitOfWork(
        this IServiceCollection services, InterferingUnitOfWork.Budget budget, Interference interference = Interference.ChangeThem) =>
        services.AddScoped<IUnitOfWork>(provider => new InterferingUnitOfWork(
            provider.GetRequiredService<CustomerDbContext>(),
            provider.GetRequiredService<IServiceScopeFactory>(),
            budget,
            interference));
}
