using CustomerService.Application.Common.Security;

namespace CustomerService.Tests.Support;

/// <summary>The sign-in throttle's contract without a database, for the application's unit tests.</summary>
public sealed class InMemorySignInThrottle : ISignInThrottle
{
    private readonly Dictionary<string, SignInFailures> _failures = new(StringComparer.Ordinal);

    public int Writes { get; private set; }

    public SignInFailures this[string normalizedEmail] =>
        _failures.TryGetValue(normalizedEmail, out var failures) ? failures : SignInFailures.None;

    public Task<SignInFailures> GetAsync(string normalizedEmail, CancellationToken cancellationToken) => Task.FromResult(this[normalizedEmail]);

    public Task RecordFailureAsync(string normalizedEmail, DateTime now, CancellationToken cancellationToken)
    {
        Writes++;
        var current = this[normalizedEmail];
        var expired = now - current.LastFailureAt >= SignInThrottleSchedule.CountExpiresAfter;
        _failures[normalizedEmail] = new SignInFailures(expired ? 1 : current.Count + 1, now);
        return Task.CompletedTask;
    }

    public Task ClearAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        Writes++;
        _failures.Remove(normalizedEmail);
        return Task.CompletedTask;
    }
}
