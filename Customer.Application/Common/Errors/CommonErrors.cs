using CustomerService.Domain.Customers;

namespace CustomerService.Application.Common.Errors;

/// <summary>Builds the service errors that are not specific to one use case.</summary>
public static class CommonErrors
{
    /// <summary>
    /// One or more field problems. A lone email-format problem is reported as
    /// <c>customer_invalid_email</c>, as the MicroBase contract names it; anything more is a <c>validation_error</c>.
    /// </summary>
    public static ServiceError Validation(IReadOnlyList<FieldError> errors, bool onlyProblemIsEmailFormat = false) =>
        new(onlyProblemIsEmailFormat && errors.Count == 1 ? ErrorCodes.CustomerInvalidEmail : ErrorCodes.ValidationError, errors);

    public static ServiceError DuplicateKey(string index, string value) =>
        new(ErrorCodes.DuplicateKey, new DuplicateKeyErrorData(index, value));

    public static ServiceError ServiceUnavailable() => new(ErrorCodes.ServiceUnavailable);

    /// <summary>Busy rather than broken: the caller is told when to come back.</summary>
    public static ServiceError ServiceUnavailable(TimeSpan retryAfter) => new(ErrorCodes.ServiceUnavailable) { RetryAfter = retryAfter };

    internal static bool IsEmailFormatCode(string? code) => code == CustomerErrorCodes.InvalidEmail;
}
