using System.Diagnostics;
using CustomerService.Application.Common.Diagnostics;
using Mediator;

namespace CustomerService.Application.Common.Behaviours;

/// <summary>
/// One internal span per message, named after it (<c>UpdateCustomerCommand</c>), between the HTTP
/// server span and the database spans, tagged with the customer's id (never personal data). When no
/// tracer listens, <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null and
/// this costs nothing more.
/// </summary>
public sealed class TracingBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string MessageName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        using var activity = ApplicationDiagnostics.ActivitySource.StartActivity(MessageName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ApplicationDiagnostics.CommandTag, MessageName);
            if (message is ICustomerMessage { CustomerId: { Length: > 0 } customerId })
            {
                activity.SetTag(ApplicationDiagnostics.CustomerIdTag, customerId);
            }
        }

        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
