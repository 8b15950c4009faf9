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
    public static Task HandleAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var response = context.Response;
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
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EnvelopeExceptionHandler));
                LogUnhandled(logger, exception);
                return EnvelopeWriter.WriteErrorAsync(response, ErrorCodes.InternalError);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception; answered internal_error")]
    private static partial void LogUnhandled(ILogger logger, Exception? exception);
}
