using System.Text.Json.Nodes;
using CustomerService.Api.Http;
using CustomerService.Api.Http.Envelope;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers.IssuePasswordResetToken;

namespace CustomerService.Api.OpenApi;

/// <summary>What one error code means, the type of its <c>data</c> (null: none), and a sample of it.</summary>
internal sealed record ErrorDescription(string Code, string Description, Type? DataType, Func<JsonNode?> SampleData, IReadOnlyList<string>? RequiredData = null);

/// <summary>
/// Every error code the service can answer with, for the OpenAPI description. The HTTP status is not
/// here: it comes from <see cref="ErrorStatusCodes.For"/>, the one place that decides it.
/// </summary>
internal static class ErrorCatalog
{
    private static readonly ErrorDescription[] All =
    [
        new(ErrorCodes.ValidationError, "A rule is broken, or the body is not a JSON object of the expected shape; every problem at once.",
            typeof(IReadOnlyList<FieldError>), () => new JsonArray(FieldErrorSample("firstName", "firstName must not be empty"))),
        new(ErrorCodes.CustomerInvalidEmail, "The email's format is the only problem.",
            typeof(IReadOnlyList<FieldError>), () => new JsonArray(FieldErrorSample("email", "email must contain exactly one @"))),
        new(ApiErrorCodes.InvalidToken, "The bearer token is missing, malformed, expired, not yet valid, badly signed, or for another issuer or audience.",
            null, () => null),
        new(ApiErrorCodes.Forbidden, "The token lacks the scope the method needs.", null, () => null),
        new(ErrorCodes.BadCredentials, "Unknown email, wrong password or INACTIVE customer: one answer for all three.", null, () => null),
        new(ErrorCodes.TooManyAttempts,
            "Too many consecutive failed password checks for this email: the password was not checked. Try again after `retryAfter` seconds (also in the Retry-After header).",
            typeof(RetryAfterErrorData), () => new JsonObject { ["retryAfter"] = 4 }),
        new(ErrorCodes.InvalidResetToken, "The reset token is unknown, already used, replaced by a newer one, invalidated by a password change, or expired.", null, () => null),
        new(ErrorCodes.CustomerNotFound, "No customer has that id.",
            typeof(EntityIdErrorData), () => new JsonObject { ["id"] = "HkhhuXESl" }),
        new(ErrorCodes.CustomerAddressNotFound, "The customer exists but has no such address.",
            typeof(AddressIdErrorData), () => new JsonObject { ["customerId"] = "P_ElgySflBvJna98", ["addressId"] = "nope" }),
        new(ErrorCodes.DuplicateKey, "The email belongs to another customer (compared regardless of case).",
            typeof(DuplicateKeyErrorData), () => new JsonObject { ["index"] = "email", ["value"] = "john.doe@example.com" }),
        new(ErrorCodes.VersionConflict,
            "The customer is not at the `version` the caller sent; nothing was changed.",
            typeof(VersionConflictErrorData), () => new JsonObject { ["id"] = "P_ElgySflBvJna98", ["expected"] = 1, ["actual"] = 2 }),
        new(ErrorCodes.CursorExpired,
            "The `after` cursor points before the oldest change the feed keeps (`Messaging:Feed:RetentionDays`); read again without `after`.",
            null, () => null),
        new(ApiErrorCodes.PayloadTooLarge, "The body is larger than 64 KiB.",
            typeof(IReadOnlyList<FieldError>), () => new JsonArray(FieldErrorSample("body", "The request body is larger than 65536 bytes."))),
        new(ApiErrorCodes.UnsupportedMediaType, "The content type is not JSON.", null, () => null),
        new(ApiErrorCodes.UriTooLong, $"The request target (path and query) is longer than {RequestLimits.MaxTargetBytes} bytes.", null, () => null),
        new(ApiErrorCodes.HeadersTooLarge,
            $"The request's headers are larger than {RequestLimits.MaxHeaderBytes} bytes in all, or more than {RequestLimits.MaxHeaderCount}.", null, () => null),
        new(ErrorCodes.ServiceUnavailable, "The database cannot be reached or stays locked, the change kept meeting concurrent changes to the same customer, or every password-hashing slot stayed busy (then with Retry-After); nothing was changed. Try again.", null, () => null),
        new(ErrorCodes.InternalError, "A bug; the details are in the log under the request id.", null, () => null),
    ];

    private static readonly Dictionary<string, ErrorDescription> ByCode = All.ToDictionary(e => e.Code, StringComparer.Ordinal);

    // Where one method answers a code with other data than the rest: resetToken looks the customer up by email.
    private static readonly Dictionary<(string Code, Type Request), ErrorDescription> ByRequest = new()
    {
        [(ErrorCodes.CustomerNotFound, typeof(IssuePasswordResetTokenCommand))] = new(ErrorCodes.CustomerNotFound,
            "No customer holds that email (compared regardless of case).",
            typeof(EmailErrorData), () => new JsonObject { ["email"] = "nobody@example.com" }),
    };

    public static IEnumerable<string> Codes => All.Select(e => e.Code);

    public static ErrorDescription Describe(string code) =>
        ByCode.TryGetValue(code, out var description)
            ? description
            : throw new InvalidOperationException($"Error code '{code}' has no description in {nameof(ErrorCatalog)}.");

    /// <summary>The code as the method binding <paramref name="requestType"/> answers it.</summary>
    public static ErrorDescription Describe(string code, Type? requestType) =>
        requestType is not null && ByRequest.TryGetValue((code, requestType), out var description) ? description : Describe(code);

    /// <summary>The whole error envelope as it would be sent by the method binding <paramref name="requestType"/>.</summary>
    public static JsonObject Sample(string code, Type? requestType)
    {
        var envelope = new JsonObject { ["ok"] = false, ["error"] = code };
        if (Describe(code, requestType).SampleData() is { } data)
        {
            envelope["data"] = data;
        }

        return envelope;
    }

    private static JsonObject FieldErrorSample(string field, string message) => new() { ["field"] = field, ["message"] = message };
}
