using CustomerService.Application.Customers.UpdateCustomer;
using CustomerService.Domain.Customers;

namespace CustomerService.Benchmarks.Composition;

/// <summary>The customer and the commands the benchmarks work with: a typical profile and the typical update, a rename.</summary>
public static class SampleData
{
    private static readonly DateTime RegisteredAt = new(2026, 1, 15, 9, 30, 0, DateTimeKind.Utc);

    /// <summary>A registered customer with two tags and <paramref name="addressCount"/> full addresses, its creation event already handed on.</summary>
    public static Customer Customer(int addressCount)
    {
        var addresses = Enumerable.Range(1, addressCount).Select(Address).ToList();
        var customer = Domain.Customers.Customer.Register(
            EmailAddress.Create("Jane.Doe@Example.com"),
            "pbkdf2$sha256$100000$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g",
            "Jane",
            "Doe",
            CustomerStatus.Active,
            ["vip", "newsletter"],
            addresses,
            RegisteredAt);

        // As after its first save: the creation has been announced.
        customer.ClearDomainEvents();
        return customer;
    }

    /// <summary>customer.update with both names, the shape of 70% of the load.</summary>
    public static UpdateCustomerCommand Rename(string id, string firstName, string lastName) =>
        new() { Id = id, FirstName = firstName, LastName = lastName };

    /// <summary>customer.update setting the status and replacing the tags.</summary>
    public static UpdateCustomerCommand TagsAndStatus(string id) =>
        new() { Id = id, Status = "INACTIVE", Tags = ["vip", "newsletter", "wholesale"] };

    private static AddressDetails Address(int number) => new(
        Name: number == 1 ? "Home" : "Work",
        FirstName: "Jane",
        LastName: "Doe",
        Address1: $"{number} Bolman Court",
        Address2: "Apartment 10",
        PostCode: "62701",
        City: "Springfield",
        State: "IL",
        Country: "US",
        Company: number == 1 ? null : "Acme",
        Phone: "0217 555 0101",
        Instructions: "Leave at the door");
}

/// <summary>
/// Two renames sent in turn, so that every send really changes the customer (both names), as a
/// stream of renames does, instead of finding nothing to change from the second send on.
/// </summary>
public sealed class AlternatingRenames(string id)
{
    private readonly UpdateCustomerCommand[] _commands =
    [
        SampleData.Rename(id, "First12", "Last34"),
        SampleData.Rename(id, "First56", "Last78"),
    ];

    private int _sent;

    public UpdateCustomerCommand Next() => _commands[_sent++ & 1];
}
