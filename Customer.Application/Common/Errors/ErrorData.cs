namespace CustomerService.Application.Common.Errors;

/// <summary>Data of <c>customer_not_found</c> and <c>version_conflict</c>: the id that was asked for.</summary>
public sealed record EntityIdErrorData(string Id);

/// <summary>Data of <c>duplicate_key</c>: which unique index refused which value.</summary>
public sealed record DuplicateKeyErrorData(string Index, string Value);

/// <summary>Data of <c>customer_address_not_found</c>: the customer that exists and the address it lacks.</summary>
public sealed record AddressIdErrorData(string CustomerId, string AddressId);

/// <summary>Data of <c>version_conflict</c> when the caller named a version: the one it expected and the one stored.</summary>
public sealed record VersionConflictErrorData(string Id, int Expected, int Actual);

/// <summary>Data of <c>customer_not_found</c> when the customer was asked for by email (customer.password.resetToken).</summary>
public sealed record EmailErrorData(string Email);

/// <summary>Data of <c>too_many_attempts</c>: whole seconds until the next attempt is checked, as in Retry-After.</summary>
public sealed record RetryAfterErrorData(int RetryAfter);
