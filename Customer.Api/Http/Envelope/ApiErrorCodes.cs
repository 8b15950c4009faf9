namespace CustomerService.Api.Http.Envelope;

/// <summary>Error codes that only the HTTP layer produces (authentication, routing, transport).</summary>
public static class ApiErrorCodes
{
    public const string InvalidToken = "invalid_token";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string UriTooLong = "uri_too_long";
    public const string HeadersTooLarge = "headers_too_large";
}
