namespace CustomerService.Application.Common.Security;

/// <summary>
/// Every hashing slot stayed busy for longer than the service lets a request wait: the request is
/// refused (503 with Retry-After) rather than queued without limit.
/// </summary>
public sealed class PasswordHashingUnavailableException : Exception
{
    public PasswordHashingUnavailableException()
        : this(TimeSpan.FromSeconds(1))
    {
    }

    public PasswordHashingUnavailableException(string message)
        : base(message)
    {
        RetryAfter = TimeSpan.FromSeconds(1);
    }

    public PasswordHashingUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        RetryAfter = TimeSpan.FromSeconds(1);
    }

    public PasswordHashingUnavailableException(TimeSpan retryAfter)
        : base("No password hashing slot became free in time.")
    {
        RetryAfter = retryAfter;
    }

    /// <summary>When the caller may reasonably try again.</summary>
    public TimeSpan RetryAfter { get; }
}
