namespace CustomerService.Tests.Support;

/// <summary>A clock that always answers the same instant, so tests can assert exact timestamps.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public DateTime UtcNow => Now.UtcDateTime;

    public override DateTimeOffset GetUtcNow() => Now;
}
