namespace CustomerService.Infrastructure.Persistence.SignInThrottling;

/// <summary><c>Security:SignInThrottle</c>: how many emails the throttle keeps counts for at most.</summary>
public sealed record SignInThrottleOptions
{
    public const string SectionName = "Security:SignInThrottle";

    public int MaxEntries { get; init; } = 100_000;
}
