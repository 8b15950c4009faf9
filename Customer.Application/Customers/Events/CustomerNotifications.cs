using Mediator;

namespace CustomerService.Application.Customers.Events;

/// <summary>
/// Published once a customer's registration is committed. Handle it with an
/// <see cref="INotificationHandler{TNotification}"/> (see docs/extending.md).
/// </summary>
/// <param name="CustomerId">The new customer's id.</param>
/// <param name="Version">The version it was stored at (1).</param>
public sealed record CustomerCreatedNotification(string CustomerId, int Version) : INotification;

/// <summary>Published once a change to a customer (its fields or addresses) is committed.</summary>
/// <param name="CustomerId">The customer's id.</param>
/// <param name="ChangedFields">The wire names of the changed fields, each once (<c>addresses</c> for any address change).</param>
/// <param name="OldVersion">The version the change was applied to.</param>
/// <param name="NewVersion">The version the change was stored as.</param>
public sealed record CustomerUpdatedNotification(
    string CustomerId,
    IReadOnlyList<string> ChangedFields,
    int OldVersion,
    int NewVersion) : INotification;

/// <summary>Published once a customer's removal is committed.</summary>
/// <param name="CustomerId">The removed customer's id.</param>
/// <param name="Version">The last version it had.</param>
public sealed record CustomerRemovedNotification(string CustomerId, int Version) : INotification;
