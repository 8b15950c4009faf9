namespace CustomerService.Application.Common.Persistence;

/// <summary>
/// Recognises the database failures a caller should hear about (unique violations, conflicts,
/// outages) in the provider-specific exceptions the persistence layer throws.
/// </summary>
public interface IPersistenceFailureClassifier
{
    /// <returns>The failure, or null when the exception is not a recognised persistence failure.</returns>
    PersistenceFailure? Classify(Exception exception);
}
