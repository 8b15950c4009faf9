namespace CustomerService.Domain.Common;

/// <summary>
/// Raised when a caller asks an aggregate to enter a state its rules forbid.
/// Validators normally catch such input first; this is the aggregate defending itself.
/// </summary>
public sealed class DomainRuleViolationException : Exception
{
    public DomainRuleViolationException(string field, string message, string? code = null)
        : base(message)
    {
        Field = field;
        Code = code;
    }

    public DomainRuleViolationException()
        : this(string.Empty, "A domain rule was violated.")
    {
    }

    public DomainRuleViolationException(string message)
        : this(string.Empty, message)
    {
    }

    public DomainRuleViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>The wire name of the offending field, e.g. <c>firstName</c> or <c>tags[2]</c>.</summary>
    public string Field { get; }

    /// <summary>An error code more specific than a plain rule violation, when one applies.</summary>
    public string? Code { get; }
}
