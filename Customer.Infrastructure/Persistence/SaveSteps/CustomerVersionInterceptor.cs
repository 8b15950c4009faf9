using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Infrastructure.Persistence.SaveSteps;

/// <summary>
/// Raises <see cref="Customer.Version"/> by exactly one for every aggregate a save changes visibly:
/// one that recorded a <see cref="CustomerUpdated"/>, whether its own row or one of its addresses
/// changed. The old version stays in the UPDATE's WHERE clause (it is the concurrency token), so a
/// concurrent save of the same customer fails instead of silently overwriting. A new hash of the same
/// password is not a visible change: it is stored under the version the customer has. A removed
/// customer keeps the version it had. Registered first. It reads the change tracker as
/// <see cref="CustomerDbContext"/> left it, having scanned it for changes once before the save steps.
/// </summary>
internal sealed class CustomerVersionInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        RaiseVersions(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        RaiseVersions(eventData);
        return ValueTask.FromResult(result);
    }

    private static void RaiseVersions(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var changeTracker = eventData.Context?.ChangeTracker ?? throw new InvalidOperationException("A save without a context.");
        var customersWithChangedAddresses = TrackedEntries.Of<Address>(changeTracker)
            .Where(address => address.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(address => address.Property(AddressConfiguration.CustomerIdColumn).CurrentValue as string)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var customer in TrackedEntries.Of<Customer>(changeTracker))
        {
            var written = customer.State == EntityState.Modified
                || (customer.State == EntityState.Unchanged && customersWithChangedAddresses.Contains(customer.Entity.Id));
            if (!written)
            {
                continue;
            }

            if (customer.Entity.DomainEvents.Any(e => e is CustomerUpdated))
            {
                Raise(customer);
            }
            else if (!OnlyThePasswordHashChanged(customer))
            {
                // Every stored version has its event; a change that recorded none would be a version without one.
                throw new InvalidOperationException(
                    $"Customer {customer.Entity.Id} changed without recording {nameof(CustomerUpdated)}: every change must go through the aggregate's methods.");
            }
        }
    }

    private static bool OnlyThePasswordHashChanged(EntityEntry<Customer> customer) =>
        customer.State == EntityState.Modified
        && customer.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name == nameof(Customer.PasswordHash));

    private static void Raise(EntityEntry<Customer> customer)
    {
        // By name: the lambda overload parses an expression tree on every save (docs/decisions/009).
        var version = customer.Property<int>(nameof(Customer.Version));
        version.CurrentValue = version.OriginalValue + 1;
    }
}
