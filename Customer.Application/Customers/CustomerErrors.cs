using CustomerService.Application.Common.Errors;
using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers;

/// <summary>The errors of the customer use cases.</summary>
public static class CustomerErrors
{
    /// <summary>The logical name of the unique index on the normalized email.</summary>
    public const string EmailIndex = "email";

    public static ServiceError NotFound(string id) => new(ErrorCodes.CustomerNotFound, new EntityIdErrorData(id));

    /// <summary>The conflict when the caller's expected version is not the stored one; null when it is, or none was given.</summary>
    public static ServiceError? StaleVersion(Customer customer, int? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return expectedVersion is { } expected && expected != customer.Version
            ? new ServiceError(ErrorCodes.VersionConflict, new VersionConflictErrorData(customer.Id, expected, customer.Version))
            : null;
    }

    public static ServiceError AddressNotFound(string customerId, string addressId) =>
        new(ErrorCodes.CustomerAddressNotFound, new AddressIdErrorData(customerId, addressId));

    /// <summary>The same answer for an unknown email, a wrong password and an inactive customer.</summary>
    public static ServiceError BadCredentials() => new(ErrorCodes.BadCredentials);

    /// <summary>A change-feed cursor the feed never gave out (or one damaged on the way).</summary>
    public static ServiceError UnknownCursor(string field) =>
        CommonErrors.Validation([new FieldError(field, $"{field} is not a cursor that customer.changes gave out")]);

    /// <summary>A change-feed cursor whose position is older than the feed keeps: read again from the start.</summary>
    public static ServiceError CursorExpired() => new(ErrorCodes.CursorExpired);

    /// <summary>The email must wait before its next password check; the check was not made.</summary>
    public static ServiceError TooManyAttempts(TimeSpan wait) =>
        new(ErrorCodes.TooManyAttempts, new RetryAfterErrorData(ServiceError.WholeSeconds(wait))) { RetryAfter = wait };

    /// <summary>The same answer for a reset token that is unknown, used, superseded or expired.</summary>
    public static ServiceError InvalidResetToken() => new(ErrorCodes.InvalidResetToken);

    /// <summary>No customer holds the email (as sent) that a caller asked for.</summary>
    public static ServiceError NotFoundByEmail(string email) => new(ErrorCodes.CustomerNotFound, new EmailErrorData(email));

    public static ServiceError DuplicateEmail(string email) => CommonErrors.DuplicateKey(EmailIndex, email);
}
