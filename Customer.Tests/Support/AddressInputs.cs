using CustomerService.Application.Customers.Common;

namespace CustomerService.Tests.Support;

/// <summary>
/// Address inputs for validator and handler tests, and a way to set one field by its wire name so a
/// rule can be checked for every field with one parameterized test.
/// </summary>
public static class AddressInputs
{
    /// <summary>The wire names of the fields an address must have.</summary>
    public static readonly string[] RequiredFields = ["name", "firstName", "address_1", "postCode", "city", "state", "country"];

    /// <summary>The wire names of the fields an address may leave out.</summary>
    public static readonly string[] OptionalFields = ["lastName", "address_2", "company", "phone", "instructions"];

    /// <summary>The wire names of every address field.</summary>
    public static readonly string[] AllFields = [.. RequiredFields, .. OptionalFields];

    /// <summary>Each field's wire name with the longest value it accepts.</summary>
    public static readonly object[] FieldLimits =
    [
        new object[] { "name", 100 },
        new object[] { "firstName", 100 },
        new object[] { "lastName", 100 },
        new object[] { "address_1", 200 },
        new object[] { "address_2", 200 },
        new object[] { "postCode", 20 },
        new object[] { "city", 100 },
        new object[] { "state", 100 },
        new object[] { "country", 100 },
        new object[] { "company", 100 },
        new object[] { "phone", 30 },
        new object[] { "instructions", 500 },
    ];

    public static AddressInput Valid(string name = "Home") => new()
    {
        Name = name,
        FirstName = "Jane",
        LastName = "Roe",
        Address1 = "12 Harbour Street",
        Address2 = "Flat 3",
        PostCode = "SW1A 1AA",
        City = "London",
        State = "Greater London",
        Country = "GB",
        Company = "Initech",
        Phone = "020 7946 0000",
        Instructions = "Ring twice",
    };

    public static AddressChangeInput Change(string id) => new() { Id = id };

    /// <summary>A copy of <paramref name="input"/> with the field named <paramref name="field"/> (wire name) set to <paramref name="value"/>.</summary>
    public static T With<T>(T input, string field, string? value)
        where T : AddressFields
    {
        ArgumentNullException.ThrowIfNull(input);
        AddressFields copy = field switch
        {
            "name" => input with { Name = value },
            "firstName" => input with { FirstName = value },
            "lastName" => input with { LastName = value },
            "address_1" => input with { Address1 = value },
            "address_2" => input with { Address2 = value },
            "postCode" => input with { PostCode = value },
            "city" => input with { City = value },
            "state" => input with { State = value },
            "country" => input with { Country = value },
            "company" => input with { Company = value },
            "phone" => input with { Phone = value },
            "instructions" => input with { Instructions = value },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not an address field."),
        };
        return (T)copy;
    }

    /// <summary>The value of the field named <paramref name="field"/> (wire name) of an address DTO.</summary>
    public static string? Read(CustomerService.Application.Customers.AddressDto address, string field)
    {
        ArgumentNullException.ThrowIfNull(address);
        return field switch
        {
            "name" => address.Name,
            "firstName" => address.FirstName,
            "lastName" => address.LastName,
            "address_1" => address.Address1,
            "address_2" => address.Address2,
            "postCode" => address.PostCode,
            "city" => address.City,
            "state" => address.State,
            "country" => address.Country,
            "company" => address.Company,
            "phone" => address.Phone,
            "instructions" => address.Instructions,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not an address field."),
        };
    }
}
