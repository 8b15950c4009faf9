using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>A postal address owned by one customer; created and changed only through <see cref="Customer"/>.</summary>
public sealed class Address
{
    // For EF Core materialization.
    private Address()
    {
        Id = string.Empty;
        Name = string.Empty;
        FirstName = string.Empty;
        Address1 = string.Empty;
        PostCode = string.Empty;
        City = string.Empty;
        State = string.Empty;
        Country = string.Empty;
    }

    internal Address(string id, int position, AddressDetails details)
        : this()
    {
        Id = id;
        Position = position;
        Apply(details);
    }

    public string Id { get; private set; }

    /// <summary>Insertion order within the customer, so addresses come back in the order they were added.</summary>
    public int Position { get; private set; }

    public string Name { get; private set; }

    public string FirstName { get; private set; }

    public string? LastName { get; private set; }

    public string Address1 { get; private set; }

    public string? Address2 { get; private set; }

    public string PostCode { get; private set; }

    public string City { get; private set; }

    public string State { get; private set; }

    public string Country { get; private set; }

    public string? Company { get; private set; }

    public string? Phone { get; private set; }

    public string? Instructions { get; private set; }

    internal Address Copy()
    {
        var copy = new Address { Id = Id, Position = Position };
        copy.Apply(Details);
        return copy;
    }

    public AddressDetails Details => new(Name, FirstName, LastName, Address1, Address2, PostCode, City, State, Country, Company, Phone, Instructions);

    internal static AddressDetails Validated(AddressDetails details, string fieldPrefix)
    {
        foreach (var (field, message) in details.Problems())
        {
            throw new DomainRuleViolationException($"{fieldPrefix}.{field}", $"{fieldPrefix}.{field} {message}");
        }

        return details.Normalized();
    }

    internal void Apply(AddressDetails details)
    {
        Name = details.Name;
        FirstName = details.FirstName;
        LastName = details.LastName;
        Address1 = details.Address1;
        Address2 = details.Address2;
        PostCode = details.PostCode;
        City = details.City;
        State = details.State;
        Country = details.Country;
        Company = details.Company;
        Phone = details.Phone;
        Instructions = details.Instructions;
    }
}
