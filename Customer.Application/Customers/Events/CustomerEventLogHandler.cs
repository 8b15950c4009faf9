using Mediator;
using Microsoft.Extensions.Logging;

namespace CustomerService.Application.Customers.Events;

/// <summary>
/// The built-in subscriber: writes every committed customer change to the log (Debug), a trail to
/// compare with what extenders' handlers received. Having a handler also keeps the generator's check
/// that every message is handled (MSG0005) switched on.
/// </summary>
public sealed partial class CustomerEventLogHandler(ILogger<CustomerEventLogHandler> logger)
    : INotificationHandler<CustomerCreatedNotification>,
      INotificationHandler<CustomerUpdatedNotification>,
      INotificationHandler<CustomerRemovedNotification>
{
    public ValueTask Handle(CustomerCreatedNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        LogCreated(logger, notification.CustomerId, notification.Version);
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(CustomerUpdatedNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        LogUpdated(logger, notification.CustomerId, notification.ChangedFields, notification.OldVersion, notification.NewVersion);
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(CustomerRemovedNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        LogRemoved(logger, notification.CustomerId, notification.Version);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Customer {CustomerId} created at version {Version}")]
    private static partial void LogCreated(ILogger logger, string customerId, int version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Customer {CustomerId} updated ({Fields}) from version {OldVersion} to {NewVersion}")]
    private static partial void LogUpdated(ILogger logger, string customerId, IReadOnlyList<string> fields, int oldVersion, int newVersion);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Customer {CustomerId} removed at version {Version}")]
    private static partial void LogRemoved(ILogger logger, string customerId, int version);
}
