using System.Collections.Concurrent;
using CustomerService.Application.Customers.Events;
using Mediator;

namespace CustomerService.Tests.Extending;

/// <summary>
/// Example 3 (docs/extending.md): a subscriber to committed customer updates — the place for a
/// webhook, a search-index refresh or an audit record. This one keeps what it received.
/// </summary>
public sealed class CustomerUpdatedRecorder(ExtensionTrace trace) : INotificationHandler<CustomerUpdatedNotification>
{
    private readonly ConcurrentQueue<CustomerUpdatedNotification> _received = new();

    public IReadOnlyList<CustomerUpdatedNotification> Received => [.. _received];

    public ValueTask Handle(CustomerUpdatedNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        _received.Enqueue(notification);
        trace.Add($"notified {string.Join(',', notification.ChangedFields)}");
        return ValueTask.CompletedTask;
    }
}
