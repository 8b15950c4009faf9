namespace CustomerService.Application.Common.Errors;

/// <summary>A failure as the caller sees it: a code from <see cref="ErrorCodes"/> and optional details.</summary>
/// <param name="Code">The snake_case error code.</param>
/// <param name="Data">Details for the caller; one of the records in this folder, or null.</param>
public sealed record ServiceError(string Code, object? Data = null);
