using CustomerService.Api.Http.Envelope;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CustomerService.Api.Http;

/// <summary>
/// The service's own limits on the request line and headers. Kestrel answers a request over its own
/// limits by itself, with a bare status and no x-request-id; so Kestrel's limits are set a few times
/// above these, and a request between the two reaches this middleware and gets the envelope
/// (docs/decisions/012). Only a request beyond Kestrel's limits still gets Kestrel's bare answer.
/// </summary>
public sealed class RequestLimits(RequestDelegate next)
{
    /// <summary>Path and query, as sent; Kestrel's default limit on the whole request line.</summary>
    public const int MaxTargetBytes = 8 * 1024;

    /// <summary>All header names and values together; Kestrel's default.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Kestrel's default.</summary>
    public const int MaxHeaderCount = 100;

    private const int KestrelHeadroom = 4;

    public static void ConfigureKestrel(KestrelServerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.MaxRequestLineSize = MaxTargetBytes * KestrelHeadroom;
        limits.MaxRequestHeadersTotalSize = MaxHeaderBytes * KestrelHeadroom;
        limits.MaxRequestHeaderCount = MaxHeaderCount * KestrelHeadroom;
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        if (target.Length > MaxTargetBytes)
        {
            return EnvelopeWriter.WriteErrorAsync(context.Response, ApiErrorCodes.UriTooLong);
        }

        return request.Headers.Count > MaxHeaderCount || HeaderBytes(request.Headers) > MaxHeaderBytes
            ? EnvelopeWriter.WriteErrorAsync(context.Response, ApiErrorCodes.HeadersTooLarge)
            : next(context);
    }

    // Names and values; Kestrel also counts separators, so this is a little more lenient than its default.
    private static long HeaderBytes(IHeaderDictionary headers)
    {
        long total = 0;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                total += name.Length + (value?.Length ?? 0);
            }
        }

        return total;
    }
}
