namespace CustomerService.Application.Common.Security;

/// <summary>
/// The consecutive failed password checks per email, shared by every instance (it lives in the
/// database). Keys are normalized emails, known to the service or not alike; what the store keeps of
/// them is its own business. <see cref="SignInThrottleSchedule"/> decides what a count means.
/// </summary>
public interface ISignInThrottle
{
    Task<SignInFailures> GetAsync(string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>Counts one more failure at <paramref name="now"/>, atomically, however many instances fail at once.</summary>
    Task RecordFailureAsync(string normalizedEmail, DateTime now, CancellationToken cancellationToken);

    /// <summary>Forgets the failures of this email (a success, a password reset).</summary>
    Task ClearAsync(string normalizedEmail, CancellationToken cancellationToken);
}

/// <summary>The failures counted for an email, and when the last was; <see cref="None"/> when there are none.</summary>
public sealed record SignInFailures(int Count, DateTime LastFailureAt)
{
    public static SignInFailures None { get; } = new(0, DateTime.MinValue);
}
