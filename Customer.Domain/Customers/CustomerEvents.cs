using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>A customer was registered.</summary>
public sealed record CustomerCreated(string CustomerId) : IDomainEvent
{
    public string AggregateId => CustomerId;
}

/// <summary>
/// One or more of a customer's fields changed. <see cref="ChangedFields"/> holds their wire names
/// (<see cref="CustomerFieldNames"/>), each once, in the order they first changed. The version the
/// change started from is known here; the version it is stored as is given by persistence at save.
/// </summary>
public sealed record CustomerUpdated(string CustomerId, IReadOnlyList<string> ChangedFields, int OldVersion) : IDomainEvent
{
    public string AggregateId => CustomerId;
}

/// <summary>A customer was removed, with its addresses.</summary>
public sealed record CustomerRemoved(string CustomerId) : IDomainEvent
{
    public string AggregateId => CustomerId;
}

/// <summary>The wire names of a customer's changeable fields, as named in <see cref="CustomerUpdated.ChangedFields"/>.</summary>
public static class CustomerFieldNames
{
    public const string Email = "email";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Status = "status";
    public const string Tags = "tags";
    public const string Addresses = "addresses";

    /// <summary>The password changed; events name the field only, never the password or its hash.</summary>
    public const string Password = "password";
}
