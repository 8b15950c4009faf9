using Serilog.Context;

namespace CustomerService.Api.Http;

/// <summary>
/// Echoes the request id (adopted or made by <see cref="RequestIdHttpContextFactory"/>) on the
/// response, and attaches it to every log event written while the request runs.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "x-request-id";
    public const string LogProperty = "RequestId";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requestId = context.TraceIdentifier;

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

    /// <summary>The caller's id when it is a short, plain token (it is echoed into headers and logs); otherwise a new one.</summary>
    public static string AdoptOrCreate(IHeaderDictionary requestHeaders)
    {
        ArgumentNullException.ThrowIfNull(requestHeaders);
        return requestHeaders[HeaderName] is [{ } sent] && IsAcceptable(sent) ? sent : Domain.Common.EntityId.New();
    }

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
