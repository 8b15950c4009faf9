using CustomerService.Application.Common.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CustomerService.Application.Common.Behaviours;

/// <summary>
/// Opens a log scope around the whole handling of a message: every event written inside it — by
/// the behaviours, the handler, EF Core — carries <c>Command</c> (the message type's name) and, for
/// a message about one customer, <c>CustomerId</c>. Nothing else of the message goes into the scope:
/// its other fields may be personal data (email, names) or secrets (password).
/// </summary>
public sealed class LoggingScopeBehaviour<TMessage, TResponse>(ILogger<LoggingScopeBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        using var scope = logger.BeginScope(ScopeOf(message));
        return await next(message, cancellationToken);
    }

    /// <summary>The scope's properties: the message's name, and the customer's id when it has one.</summary>
    internal static KeyValuePair<string, object?>[] ScopeOf(TMessage message)
    {
        KeyValuePair<string, object?> command = new(ApplicationDiagnostics.CommandProperty, typeof(TMessage).Name);
        return message is ICustomerMessage { CustomerId: { Length: > 0 } customerId }
            ? [command, new(ApplicationDiagnostics.CustomerIdProperty, customerId)]
            : [command];
    }
}
