using CustomerService.Domain.Customers;

namespace CustomerService.Application.Common.Errors;

/// <summary>The short snake_case codes of the MicroBase envelope's <c>error</c> property.</summary>
public static class ErrorCodes
{
    public const string ValidationError = "validation_error";
    public const string CustomerInvalidEmail = CustomerErrorCodes.InvalidEmail;
    public const string CustomerNotFound = "customer_not_found";
    public const string CustomerAddressNotFound = "customer_address_not_found";
    public const string BadCredentials = "bad_credentials";
    public const string TooManyAttempts = "too_many_attempts";
    public const string InvalidResetToken = "invalid_reset_token";
    public const string DuplicateKey = "duplicate_key";
    public const string VersionConflict = "version_conflict";
    public const string CursorExpired = "cursor_expired";
    public const string ServiceUnavailable = "service_unavailable";
    public const string InternalError = "internal_error";
}
