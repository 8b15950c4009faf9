using CustomerService.Application.Customers;

namespace CustomerService.Tests.Support;

/// <summary>
/// Compares customer DTOs by value, lists included (records compare lists by reference).
/// </summary>
public sealed class CustomerDtoComparer : IEqualityComparer<CustomerDto>
{
    public static readonly CustomerDtoComparer Instance = new();

    private static readonly string[] NoTags = [];
    private static readonly AddressDto[] NoAddresses = [];

    public bool Equals(CustomerDto? x, CustomerDto? y) =>
        ReferenceEquals(x, y)
        || (x is not null && y is not null
            && x with { Tags = NoTags, Addresses = NoAddresses } == y with { Tags = NoTags, Addresses = NoAddresses }
            && x.Tags.SequenceEqual(y.Tags, StringComparer.Ordinal)
            && x.Addresses.SequenceEqual(y.Addresses));

    public int GetHashCode(CustomerDto obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return HashCode.Combine(obj.Id, obj.Email);
    }
}
