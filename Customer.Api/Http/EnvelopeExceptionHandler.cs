using CustomerService.Api.Http.Envelope;
using CustomerService.Api.Http.Json;
using CustomerService.Application.Common.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace CustomerService.Api.Http;

/// <summary>
/// The last line: whatever escaped the pipeline becomes an envelope. The client learns the code and
/// the request id; the stack trace goes to the log only.
/// </summary>
internal static partial class EnvelopeExceptionHandler
{
    /// <summary>
    /// The framework logs every exception it hands to this handler at Error, with the stack trace. A body
    /// that is too large, cut short or too slow is the client's doing: it is logged here, at Information.
    /// </summary>
    public static bool SuppressFrameworkDiagnostics(ExceptionHandlerSuppressDiagnosticsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Exception is BadHttpRequestException { StatusCode: < StatusCodes.Status500InternalServerError };
    }

    public static Task HandleAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var response = context.Response;
        if (exception is BadHttpRequestException { StatusCode: < StatusCodes.Status500InternalServerError } refused)
        {
            var logger = Logger(context);
            LogRequestRefused(logger, refused.StatusCode, refused.Message);
        }

        switch (exception)
        {
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return EnvelopeWriter.WriteErrorAsync(response, ApiErrorCodes.PayloadTooLarge, new[]
                {
                    new FieldError(JsonShapeChecker.BodyField, $"body must be at most {MicroBaseJsonInputFormatter.MaxBodyBytes} bytes"),
                });
            case BadHttpRequestException:
                return EnvelopeWriter.WriteErrorAsync(response, ErrorCodes.ValidationError, new[]
                {
                    new FieldError(JsonShapeChecker.BodyField, "body could not be read"),
                });
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                // The caller has gone; nobody is left to read a body.
                return Task.CompletedTask;
            default:
                var errorLogger = Logger(context);
                LogUnhandled(errorLogger, exception);
                return EnvelopeWriter.WriteErrorAsync(response, ErrorCodes.InternalError);
        }
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EnvelopeExceptionHandler));

    [LoggerMessage(Level = LogLevel.Information, Message = "Request body refused ({ReadStatusCode}): {Reason}")]
    private static partial void LogRequestRefused(ILogger logger, int readStatusCode, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception; answered internal_error")]
    private static partial void LogUnhandled(ILogger logger, Exception? exception);
}
