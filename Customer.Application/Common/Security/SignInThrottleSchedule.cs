namespace CustomerService.Application.Common.Security;

/// <summary>
/// How long an email must wait before its next password check. The first
/// <see cref="FailuresBeforeDelay"/> consecutive failures are answered as they come; the fifth starts a
/// delay of one second, and each further failure doubles it (1, 2, 4 ... s), up to <see cref="MaxDelay"/>. Failures are forgotten
/// <see cref="CountExpiresAfter"/> after the last one (docs/decisions/015).
/// </summary>
public static class SignInThrottleSchedule
{
    public const int FailuresBeforeDelay = 5;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan CountExpiresAfter = TimeSpan.FromHours(24);

    /// <summary>The delay that <paramref name="failures"/> consecutive failures impose after the last of them.</summary>
    public static TimeSpan DelayAfter(int failures)
    {
        if (failures < FailuresBeforeDelay)
        {
            return TimeSpan.Zero;
        }

        // 2^10 s already exceeds the cap; stopping there keeps the shift from overflowing.
        var doublings = Math.Min(failures - FailuresBeforeDelay, 10);
        var delay = FirstDelay * (1L << doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }

    /// <summary>How long from <paramref name="now"/> until the next check is allowed; zero when it is now.</summary>
    public static TimeSpan WaitAt(SignInFailures failures, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 0 || now - failures.LastFailureAt >= CountExpiresAfter)
        {
            return TimeSpan.Zero;
        }

        var wait = failures.LastFailureAt + DelayAfter(failures.Count) - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Whether the failures still count at <paramref name="now"/> (a success then has something to clear).</summary>
    public static bool Counts(SignInFailures failures, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return failures.Count > 0 && now - failures.LastFailureAt < CountExpiresAfter;
    }
}
