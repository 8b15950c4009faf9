using System.Text.Json.Serialization;

namespace CustomerService.Application.Customers;

/// <summary>An address as the MicroBase contract shows it; <c>address_1</c> and <c>address_2</c> keep their snake-case wire names.</summary>
public sealed record AddressDto(
    string Name,
    string FirstName,
    string? LastName,
    [property: JsonPropertyName("address_1")] string Address1,
    [property: JsonPropertyName("address_2")] string? Address2,
    string PostCode,
    string City,
    string State,
    string Country,
    string? Company,
    string? Phone,
    string? Instructions,
    string Id);
