namespace CustomerService.Application.Common.Persistence;

public enum PersistenceFailureKind
{
    /// <summary>A unique index refused a value.</summary>
    UniqueViolation,

    /// <summary>
    /// The aggregate changed or went away since it was loaded: another save came first (optimistic
    /// concurrency), or the customer a new address belongs to was removed meanwhile.
    /// </summary>
    ConcurrencyConflict,

    /// <summary>The database could not be reached, or stayed locked beyond its timeout.</summary>
    Unavailable,
}

/// <summary>A provider-neutral description of why the database refused or failed a request.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Index">For a unique violation, the logical name of the index (e.g. <c>email</c>).</param>
/// <param name="Value">For a unique violation, the value that collided.</param>
public sealed record PersistenceFailure(PersistenceFailureKind Kind, string? Index = null, string? Value = null);
