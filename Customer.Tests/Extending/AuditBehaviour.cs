using Mediator;

namespace CustomerService.Tests.Extending;

/// <summary>
/// Example 2 (docs/extending.md): an extra pipeline behaviour that records the name of every command
/// it sees, before and after the rest of the pipeline. Registered in DI after the service's own
/// AddMediator, it runs innermost: after validation (a refused command never reaches it) and inside
/// the unit of work (it runs once per attempt, so a retried conflict passes it twice).
/// </summary>
public sealed class AuditBehaviour<TMessage, TResponse>(ExtensionTrace trace) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        trace.Add($"audit {typeof(TMessage).Name}");
        var response = await next(message, cancellationToken);
        trace.Add($"audited {typeof(TMessage).Name}");
        return response;
    }
}
