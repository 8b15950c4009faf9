using CustomerService.Api.Http.Envelope;
using Microsoft.AspNetCore.Diagnostics;

namespace CustomerService.Api.Http;

/// <summary>Gives bodiless error responses from routing and the framework (404, 405, 415...) an envelope.</summary>
internal static class StatusCodeEnvelopes
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var response = context.HttpContext.Response;
        return ErrorStatusCodes.CodeFor(response.StatusCode) is { } code
            ? EnvelopeWriter.WriteErrorAsync(response, code)
            : Task.CompletedTask;
    }
}
