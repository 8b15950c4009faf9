using Mediator;
using Microsoft.Extensions.Logging;

namespace CustomerService.Application.Common.Events;

/// <summary>
/// The mediator's notification publisher: calls each handler in turn, in registration order, and
/// logs a handler's failure instead of letting it escape. Notifications announce changes that are
/// already committed, so a failing subscriber (a webhook, a search index) must neither stop the
/// subscribers after it nor turn the committed change into an error response.
/// </summary>
public sealed partial class IsolatingNotificationPublisher(ILogger<IsolatingNotificationPublisher> logger) : INotificationPublisher
{
    public async ValueTask Publish<TNotification>(
        NotificationHandlers<TNotification> handlers,
        TNotification notification,
        CancellationToken cancellationToken)
        where TNotification : INotification
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler.Handle(notification, cancellationToken);
            }
#pragma warning disable CA1031 // Any failure of a subscriber is logged: the change it was told about is committed.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogHandlerFailed(logger, ex, handler.GetType().Name, typeof(TNotification).Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification handler {Handler} failed on {Notification}; the committed change stands")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string notification);
}
