namespace CustomerService.Infrastructure.Persistence.SignInThrottling;

/// <summary>
/// One row of the sign-in throttle: the consecutive failures counted for a key (the SHA-256 of a
/// normalized email, so the table holds no address, known or not) and when the last one was.
/// </summary>
internal sealed class SignInFailureCount
{
    public string Key { get; set; } = string.Empty;

    public int Failures { get; set; }

    public DateTime LastFailureAt { get; set; }
}
