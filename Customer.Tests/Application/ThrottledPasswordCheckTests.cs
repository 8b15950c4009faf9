using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Security;
using CustomerService.Application.Customers.Common;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Application;

public sealed class ThrottledPasswordCheckTests
{
    private const string Email = "jane@example.com";

    private readonly FixedTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private InMemorySignInThrottle _throttle = null!;
    private CountingPasswordHasher _hasher = null!;
    private ThrottledPasswordCheck _check = null!;
    private string _hash = null!;

    [SetUp]
    public async Task SetUp()
    {
        _throttle = new InMemorySignInThrottle();
        _hasher = new CountingPasswordHasher();
        _check = new ThrottledPasswordCheck(_throttle, _hasher, _clock);
        _hash = await _hasher.HashAsync("right password", CancellationToken.None);
    }

    [Test]
    public async Task AThrottledAttemptIsTooManyAttemptsWithoutAHash()
    {
        await FailAsync(5);
        var hashes = _hasher.Calls;

        var result = await _check.CheckAsync(Email, _hash, "right password", acceptable: true, CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(new ServiceError(ErrorCodes.TooManyAttempts, new RetryAfterErrorData(1)) { RetryAfter = TimeSpan.FromSeconds(1) }));
        Assert.That(_hasher.Calls, Is.EqualTo(hashes));
    }

    [Test]
    public async Task ASuccessClearsTheCountAndASuccessWithoutFailuresWritesNothing()
    {
        ThrowIfFailed(await _check.CheckAsync(Email, _hash, "right password", acceptable: true, CancellationToken.None));
        Assert.That(_throttle.Writes, Is.Zero);

        await FailAsync(3);
        ThrowIfFailed(await _check.CheckAsync(Email, _hash, "right password", acceptable: true, CancellationToken.None));

        Assert.That(_throttle[Email], Is.EqualTo(SignInFailures.None));
    }

    [TestCase(true, false)]
    [TestCase(false, true)]
    public async Task AnUnknownEmailAndARefusedCustomerCountAsFailuresAfterOneHash(bool known, bool acceptable)
    {
        var result = await _check.CheckAsync(Email, known ? _hash : null, known ? "right password" : "anything", acceptable, CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo(ErrorCodes.BadCredentials));
        Assert.That(_throttle[Email].Count, Is.EqualTo(1));
        Assert.That(_hasher.Calls, Is.EqualTo(2), "the set-up's hash and one check");
    }

    private async Task FailAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            _clock.Now += SignInThrottleSchedule.DelayAfter(i);
            var result = await _check.CheckAsync(Email, _hash, "wrong", acceptable: true, CancellationToken.None);
            Assert.That(result.Error?.Code, Is.EqualTo(ErrorCodes.BadCredentials));
        }
    }

    private static void ThrowIfFailed<T>(CustomerService.Application.Common.Results.Result<T> result) =>
        Assert.That(result.IsSuccess, Is.True, result.ToString());
}
