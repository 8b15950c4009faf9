using Serilog.Context;

namespace CustomerService.Api.Http;

/// <summary>
/// Adopts the caller's <c>x-request-id</c> (or makes one), echoes it on the response, and attaches it
/// to every log event written while the request runs.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "x-request-id";
    public const string LogProperty = "RequestId";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requestId = context.Request.Headers[HeaderName] is [{ } sent] && IsAcceptable(sent)
            ? sent
            : Domain.Common.EntityId.New();

        context.TraceIdentifier = requestId;

        // Set when the response starts, so error handlers that clear the response cannot drop it.
        context.Response.OnStarting(static state =>
        {
            var (response, id) = ((HttpResponse, string))state;
            response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        }, (context.Response, requestId));

        using (LogContext.PushProperty(LogProperty, requestId))
        {
            await next(context);
        }
    }

    // An id is echoed into headers and logs: only short, plain tokens are taken from callers.
    private static bool IsAcceptable(string value)
    {
        if (value.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                return false;
            }
        }

        return true;
    }
}
