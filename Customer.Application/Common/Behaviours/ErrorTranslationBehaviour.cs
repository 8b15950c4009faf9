using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Common.Security;
using CustomerService.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CustomerService.Application.Common.Behaviours;

/// <summary>
/// Turns the failures that surface as exceptions (an aggregate refusing a change, a unique index,
/// a concurrency conflict, an unreachable database, no free password-hashing slot) into service errors, so every caller of the
/// mediator, HTTP or not, receives the same error codes. Anything else is a bug and propagates.
/// </summary>
public sealed partial class ErrorTranslationBehaviour<TMessage, TResponse>(
    IPersistenceFailureClassifier classifier,
    ILogger<ErrorTranslationBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailableResult<TResponse>
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(message, cancellationToken);
        }
        catch (DomainRuleViolationException ex)
        {
            LogTranslated(logger, LogLevel.Information, typeof(TMessage).Name, ErrorCodes.ValidationError, exception: null);
            return TResponse.Failure(CommonErrors.Validation(
                [new FieldError(ex.Field, ex.Message)],
                CommonErrors.IsEmailFormatCode(ex.Code)));
        }
        catch (PasswordHashingUnavailableException ex)
        {
            // Load, not a fault: the caller is told when to come back, and the log needs no stack trace.
            LogTranslated(logger, LogLevel.Warning, typeof(TMessage).Name, ErrorCodes.ServiceUnavailable, exception: null);
            return TResponse.Failure(CommonErrors.ServiceUnavailable(ex.RetryAfter));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && classifier.Classify(ex) is { } failure)
        {
            var error = ToServiceError(failure);

            // A broken rule or a lost unique race is the caller's; an unavailable database is ours, with its cause.
            var unavailable = error.Code == ErrorCodes.ServiceUnavailable;
            LogTranslated(logger, unavailable ? LogLevel.Warning : LogLevel.Information, typeof(TMessage).Name, error.Code, unavailable ? ex : null);
            return TResponse.Failure(error);
        }
    }

    private static ServiceError ToServiceError(PersistenceFailure failure) => failure.Kind switch
    {
        PersistenceFailureKind.UniqueViolation => CommonErrors.DuplicateKey(failure.Index ?? "unknown", failure.Value ?? string.Empty),
        // Outlasted the unit of work's retries: contention, not a stale version (handlers report those).
        PersistenceFailureKind.ConcurrencyConflict => CommonErrors.ServiceUnavailable(),
        PersistenceFailureKind.Unavailable => CommonErrors.ServiceUnavailable(),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Kind, "Unknown persistence failure."),
    };

    [LoggerMessage(Message = "{Message} failed with {ErrorCode}")]
    private static partial void LogTranslated(ILogger logger, LogLevel level, string message, string errorCode, Exception? exception);
}
