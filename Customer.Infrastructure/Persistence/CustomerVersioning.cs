using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// Raises <see cref="Customer.Version"/> by exactly one for every aggregate a save changes, whether
/// the customer row or one of its addresses changed. The old version stays in the UPDATE's WHERE
/// clause (it is the concurrency token), so a concurrent save of the same customer fails instead of
/// silently overwriting.
/// </summary>
internal static class CustomerVersioning
{
    public static void BumpChangedAggregates(ChangeTracker changeTracker)
    {
        HashSet<string>? customersWithChangedAddresses = null;
        foreach (var address in changeTracker.Entries<Address>())
        {
            if (address.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && address.Property(AddressConfiguration.CustomerIdColumn).CurrentValue is string customerId)
            {
                (customersWithChangedAddresses ??= []).Add(customerId);
            }
        }

        foreach (var customer in changeTracker.Entries<Customer>())
        {
            var changed = customer.State == EntityState.Modified
                || (customer.State == EntityState.Unchanged && customersWithChangedAddresses?.Contains(customer.Entity.Id) == true);
            if (changed)
            {
                // By name: the lambda overload builds and parses an expression tree on every call.
                var version = customer.Property<int>(nameof(Customer.Version));
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }
}
