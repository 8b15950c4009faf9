using CustomerService.Application.Common.Persistence;
using CustomerService.Domain.Customers;
using Mediator;

namespace CustomerService.Application.Customers.Events;

/// <summary>Turns the Customer aggregate's committed domain events into the notifications handlers subscribe to.</summary>
public static class CustomerEventPublishing
{
    public static ValueTask PublishAsync(IPublisher publisher, CommittedEvent committed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(committed);
        return committed.Event switch
        {
            CustomerCreated created => publisher.Publish(
                new CustomerCreatedNotification(created.CustomerId, committed.StoredVersion), cancellationToken),
            CustomerUpdated updated => publisher.Publish(
                new CustomerUpdatedNotification(updated.CustomerId, updated.ChangedFields, updated.OldVersion, committed.StoredVersion),
                cancellationToken),
            CustomerRemoved removed => publisher.Publish(
                new CustomerRemovedNotification(removed.CustomerId, committed.StoredVersion), cancellationToken),
            _ => throw new ArgumentException($"No notification is defined for {committed.Event.GetType().Name}.", nameof(committed)),
        };
    }
}
