using CustomerService.Application.Common.Results;
using CustomerService.Application.Common.Security;

namespace CustomerService.Application.Customers.Common;

/// <summary>
/// A password check under the sign-in throttle of an email, as customer.checkCredentials and
/// customer.password.change make it. While the email must wait, the answer is <c>too_many_attempts</c>
/// and no hash is computed; otherwise the password is checked, a failure counted and a success clears
/// the count. Unknown emails go through exactly the same steps, so the throttle reveals nothing.
/// </summary>
public sealed class ThrottledPasswordCheck(ISignInThrottle throttle, IPasswordHasher passwordHasher, TimeProvider clock)
{
    /// <param name="normalizedEmail">Whose throttle applies.</param>
    /// <param name="passwordHash">The stored hash; null when there is no customer (checked against a dummy).</param>
    /// <param name="password">The password offered.</param>
    /// <param name="acceptable">False when even the right password must be refused (an INACTIVE customer).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The check's outcome when the password is right; <c>too_many_attempts</c> or <c>bad_credentials</c> otherwise.</returns>
    public async Task<Result<PasswordCheck>> CheckAsync(
        string normalizedEmail, string? passwordHash, string password, bool acceptable, CancellationToken cancellationToken)
    {
        var failures = await throttle.GetAsync(normalizedEmail, cancellationToken);
        var wait = SignInThrottleSchedule.WaitAt(failures, Now);
        if (wait > TimeSpan.Zero)
        {
            return CustomerErrors.TooManyAttempts(wait);
        }

        // Always one slow hash check: against a dummy when there is no customer, so timing tells nothing.
        var check = await passwordHasher.VerifyAsync(passwordHash ?? passwordHasher.UnknownUserHash, password, cancellationToken);
        if (passwordHash is null || !acceptable || check == PasswordCheck.Failed)
        {
            await throttle.RecordFailureAsync(normalizedEmail, Now, cancellationToken);
            return CustomerErrors.BadCredentials();
        }

        // A success forgets the failures; when none were counted there is nothing to write.
        if (SignInThrottleSchedule.Counts(failures, Now))
        {
            await throttle.ClearAsync(normalizedEmail, cancellationToken);
        }

        return check;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
