namespace CustomerService.Domain.Customers;

/// <summary>
/// A partial change to an address: a null field keeps its value. An empty string clears an optional
/// field; a required field cannot be blanked (the aggregate refuses it).
/// </summary>
public sealed record AddressPatch(
    string? Name = null,
    string? FirstName = null,
    string? LastName = null,
    string? Address1 = null,
    string? Address2 = null,
    string? PostCode = null,
    string? City = null,
    string? State = null,
    string? Country = null,
    string? Company = null,
    string? Phone = null,
    string? Instructions = null)
{
    public AddressDetails ApplyTo(AddressDetails current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new AddressDetails(
            Name ?? current.Name,
            FirstName ?? current.FirstName,
            LastName ?? current.LastName,
            Address1 ?? current.Address1,
            Address2 ?? current.Address2,
            PostCode ?? current.PostCode,
            City ?? current.City,
            State ?? current.State,
            Country ?? current.Country,
            Company ?? current.Company,
            Phone ?? current.Phone,
            Instructions ?? current.Instructions);
    }
}
