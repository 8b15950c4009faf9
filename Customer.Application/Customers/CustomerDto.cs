namespace CustomerService.Application.Customers;

/// <summary>
/// A customer as the MicroBase contract shows it, properties in the contract's order.
/// The password hash and the normalized email never leave the service.
/// </summary>
public sealed record CustomerDto(
    string Email,
    string FirstName,
    string LastName,
    string Status,
    IReadOnlyList<string> Tags,
    IReadOnlyList<AddressDto> Addresses,
    string Id,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt);
