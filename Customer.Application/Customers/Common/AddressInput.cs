using System.Text.Json.Serialization;
using CustomerService.Application.Common.Json;
using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers.Common;

/// <summary>The fields of an address as a client sends them. <c>phone</c> may arrive as a JSON number; it is kept as text.</summary>
public abstract record AddressFields
{
    public string? Name { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    [JsonPropertyName("address_1")]
    public string? Address1 { get; init; }

    [JsonPropertyName("address_2")]
    public string? Address2 { get; init; }

    public string? PostCode { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? Country { get; init; }

    public string? Company { get; init; }

    [JsonConverter(typeof(StringOrNumberJsonConverter))]
    public string? Phone { get; init; }

    public string? Instructions { get; init; }

    /// <summary>
    /// The domain's view of this input. A required field that was not sent stays null, so the
    /// address checks report it as "is required" rather than as an empty value.
    /// </summary>
    public AddressDetails ToDetails() => new(
        Name!,
        FirstName!,
        LastName,
        Address1!,
        Address2,
        PostCode!,
        City!,
        State!,
        Country!,
        Company,
        Phone,
        Instructions);

    /// <summary>The same fields as a partial change: what is null stays as it is.</summary>
    public AddressPatch ToPatch() =>
        new(Name, FirstName, LastName, Address1, Address2, PostCode, City, State, Country, Company, Phone, Instructions);
}

/// <summary>A new address (customer.create, customer.address.create): the service gives it its id.</summary>
public sealed record AddressInput : AddressFields;

/// <summary>A change to an existing address (customer.address.update), named by its id.</summary>
public sealed record AddressChangeInput : AddressFields
{
    public string Id { get; init; } = string.Empty;
}
