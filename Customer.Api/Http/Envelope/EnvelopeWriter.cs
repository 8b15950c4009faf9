using CustomerService.Api.Http.Json;

namespace CustomerService.Api.Http.Envelope;

/// <summary>Writes MicroBase envelopes; used by controllers, middleware and authentication alike.</summary>
public static class EnvelopeWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    public static Task WriteAsync<T>(HttpResponse response, T envelope, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = statusCode;
        return response.WriteAsJsonAsync(envelope, ApiJson.TypeInfo<T>(), ContentType, response.HttpContext.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpResponse response, string errorCode, object? data = null) =>
        WriteAsync(response, new ErrorEnvelope(errorCode, data), ErrorStatusCodes.For(errorCode));
}
