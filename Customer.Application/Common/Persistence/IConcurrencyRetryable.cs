namespace CustomerService.Application.Common.Persistence;

/// <summary>
/// A command that changes one aggregate and may be re-run from scratch when someone else saved it
/// first: it is a partial change (set these fields), not a replacement of what the caller last saw.
/// </summary>
public interface IConcurrencyRetryable
{
    /// <summary>
    /// The version the caller last saw, when it wants the change applied only to that version;
    /// then a conflict is reported (<c>version_conflict</c>) instead of retried.
    /// </summary>
    int? Version { get; }
}
