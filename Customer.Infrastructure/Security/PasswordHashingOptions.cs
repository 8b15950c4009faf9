namespace CustomerService.Infrastructure.Security;

/// <summary>
/// <c>Security:PasswordHashing</c>: how many password hashes may run at once, how long a request
/// waits for a slot, and how many may wait. The defaults were measured on a 2-core machine
/// (bench/README.md): one hash at a time leaves the other core to every other request.
/// </summary>
public sealed record PasswordHashingOptions
{
    public const string SectionName = "Security:PasswordHashing";

    public int MaxConcurrency { get; init; } = 1;

    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(2);

    public int MaxQueueLength { get; init; } = 32;

    /// <summary>What a refused request is told: come back after about as long as it waited in vain.</summary>
    public TimeSpan RetryAfter => MaxWait > TimeSpan.FromSeconds(1) ? MaxWait : TimeSpan.FromSeconds(1);
}
