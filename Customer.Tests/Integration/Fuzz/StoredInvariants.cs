using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Integration.Fuzz;

/// <summary>What must hold of the stored data whatever the service was sent, read from the database itself.</summary>
public static class StoredInvariants
{
    public static Task<List<string>> ViolationsAsync(CustomerApiFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDatabaseAsync(async db =>
        {
            var customers = await db.Customers.AsNoTracking().Include(c => c.Addresses).ToListAsync();
            var problems = new List<string>();
            foreach (var group in customers.GroupBy(c => c.NormalizedEmail, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                problems.Add($"normalized email '{group.Key}' is held by {group.Count()} customers");
            }

            foreach (var customer in customers)
            {
                void Check(bool holds, string what)
                {
                    if (!holds)
                    {
                        problems.Add($"customer {customer.Id}: {what}");
                    }
                }

                Check(customer.Email.Length > 0, "email is empty");
                var lowered = customer.Email.ToLowerInvariant();
                Check(customer.NormalizedEmail == lowered, $"normalized email '{customer.NormalizedEmail}' is not the lower-cased '{customer.Email}'");
                Check(customer.Status is CustomerStatus.Active or CustomerStatus.Inactive, $"status {customer.Status}");
                Check(!string.IsNullOrWhiteSpace(customer.FirstName) && !string.IsNullOrWhiteSpace(customer.LastName), "a blank name");
                Check(customer.Tags.Count <= CustomerRules.MaxTags, $"{customer.Tags.Count} tags");
                foreach (var tag in customer.Tags)
                {
                    Check(tag.Length is >= 1 and <= CustomerRules.MaxTagLength, $"tag of {tag.Length} characters");
                }

                Check(customer.Addresses.Count <= CustomerRules.MaxAddresses, $"{customer.Addresses.Count} addresses");
                foreach (var address in customer.Addresses)
                {
                    var details = address.Details;
                    string?[] required = [address.Id, details.Name, details.FirstName, details.Address1, details.PostCode, details.City, details.State, details.Country];
                    Check(required.All(v => !string.IsNullOrWhiteSpace(v)), $"address {address.Id} lacks a required field");
                }

                Check(customer.Version > 0, $"version {customer.Version}");
                Check(customer.CreatedAt <= customer.UpdatedAt, $"createdAt {customer.CreatedAt:O} after updatedAt {customer.UpdatedAt:O}");
            }

            return problems;
        });
    }
}
