using CustomerService.Application.Common.Errors;

namespace CustomerService.Api.Http.Envelope;

/// <summary>The one place where an error code becomes an HTTP status.</summary>
public static class ErrorStatusCodes
{
    public static int For(string errorCode) => errorCode switch
    {
        ErrorCodes.ValidationError or ErrorCodes.CustomerInvalidEmail or ErrorCodes.InvalidResetToken => StatusCodes.Status400BadRequest,
        ApiErrorCodes.InvalidToken or ErrorCodes.BadCredentials => StatusCodes.Status401Unauthorized,
        ApiErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.CustomerNotFound or ErrorCodes.CustomerAddressNotFound or ApiErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ApiErrorCodes.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ErrorCodes.DuplicateKey or ErrorCodes.VersionConflict => StatusCodes.Status409Conflict,
        ErrorCodes.CursorExpired => StatusCodes.Status410Gone,
        ApiErrorCodes.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ApiErrorCodes.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ApiErrorCodes.UriTooLong => StatusCodes.Status414UriTooLong,
        ErrorCodes.TooManyAttempts => StatusCodes.Status429TooManyRequests,
        ApiErrorCodes.HeadersTooLarge => StatusCodes.Status431RequestHeaderFieldsTooLarge,
        ErrorCodes.InternalError => StatusCodes.Status500InternalServerError,
        ErrorCodes.ServiceUnavailable => StatusCodes.Status503ServiceUnavailable,

        // A code added by an extension without a mapping is a refusal of the request, not a crash.
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The code for a bare status that some middleware set without a body.</summary>
    public static string? CodeFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.ValidationError,
        StatusCodes.Status401Unauthorized => ApiErrorCodes.InvalidToken,
        StatusCodes.Status403Forbidden => ApiErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => ApiErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ApiErrorCodes.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => ApiErrorCodes.PayloadTooLarge,
        StatusCodes.Status414UriTooLong => ApiErrorCodes.UriTooLong,
        StatusCodes.Status415UnsupportedMediaType => ApiErrorCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ErrorCodes.TooManyAttempts,
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ApiErrorCodes.HeadersTooLarge,
        StatusCodes.Status503ServiceUnavailable => ErrorCodes.ServiceUnavailable,
        >= 500 => ErrorCodes.InternalError,
        _ => null,
    };
}
