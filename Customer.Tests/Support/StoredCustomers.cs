using System.Text.Json;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Support;

/// <summary>A customer row as the database holds it, comparable by value to detect any change.</summary>
public sealed record StoredCustomer(
    string Id,
    string Email,
    string NormalizedEmail,
    string PasswordHash,
    string FirstName,
    string LastName,
    string Status,
    string TagsJson,
    string AddressesJson,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public IReadOnlyList<string> Tags => JsonSerializer.Deserialize<List<string>>(TagsJson)!;
}

/// <summary>Reads the service's database directly, bypassing the API.</summary>
public static class StoredCustomers
{
    public static Task<StoredCustomer?> FindStoredAsync(this CustomerApiFactory factory, string id)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDatabaseAsync(async db =>
        {
            var customer = await db.Customers.AsNoTracking().Include(c => c.Addresses).SingleOrDefaultAsync(c => c.Id == id);
            return customer is null ? null : Snapshot(customer);
        });
    }

    public static async Task<StoredCustomer> GetStoredAsync(this CustomerApiFactory factory, string id)
    {
        var stored = await factory.FindStoredAsync(id);
        Assert.That(stored, Is.Not.Null, $"customer {id} is not in the database");
        return stored!;
    }

    /// <summary>How many stored customers hold this email, compared case-insensitively.</summary>
    public static Task<int> CountWithEmailAsync(this CustomerApiFactory factory, string email)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(email);
        var normalized = email.ToLowerInvariant();
        return factory.WithDatabaseAsync(db => db.Customers.CountAsync(c => c.NormalizedEmail == normalized));
    }

    public static Task<int> CountCustomersAsync(this CustomerApiFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDatabaseAsync(db => db.Customers.CountAsync());
    }

    private static StoredCustomer Snapshot(Customer customer) => new(
        customer.Id,
        customer.Email,
        customer.NormalizedEmail,
        customer.PasswordHash,
        customer.FirstName,
        customer.LastName,
        customer.Status.ToName(),
        JsonSerializer.Serialize(customer.Tags),
        JsonSerializer.Serialize(customer.Addresses.OrderBy(a => a.Position).Select(a => new { a.Id, a.Details })),
        customer.Version,
        customer.CreatedAt,
        customer.UpdatedAt);
}
