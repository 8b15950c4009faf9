using CustomerService.Domain.Customers;
using Riok.Mapperly.Abstractions;

namespace CustomerService.Application.Customers;

/// <summary>
/// Compile-time mapping from the aggregate to its contract shape. Every member must be mapped or
/// ignored by name: an unmapped member fails the build (warnings are errors).
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both, EnumMappingStrategy = EnumMappingStrategy.ByName)]
public static partial class CustomerMapper
{
    [MapperIgnoreSource(nameof(Customer.NormalizedEmail))]
    [MapperIgnoreSource(nameof(Customer.PasswordHash))]
    [MapperIgnoreSource(nameof(Customer.DomainEvents))]
    public static partial CustomerDto ToDto(this Customer customer);

    [MapperIgnoreSource(nameof(Address.Position))]
    [MapperIgnoreSource(nameof(Address.Details))]
    public static partial AddressDto ToDto(this Address address);

    private static string StatusName(CustomerStatus status) => status.ToName();
}
