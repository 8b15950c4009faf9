using System.Text.Json.Serialization;
using CustomerService.Application.Common.Json;
using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers.Common;

/// <summary>An address as a client sends it. <c>phone</c> may arrive as a JSON number; it is kept as text.</summary>
public sealed record AddressInput
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

    /// <summary>The domain's view of this input; required fields that are missing become empty and fail its checks.</summary>
    public AddressDetails ToDetails() => new(
        Name ?? string.Empty,
        FirstName ?? string.Empty,
        LastName,
        Address1 ?? string.Empty,
        Address2,
        PostCode ?? string.Empty,
        City ?? string.Empty,
        State ?? string.Empty,
        Country ?? string.Empty,
        Company,
        Phone,
        Instructions);
}
