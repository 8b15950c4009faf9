using CustomerService.Application.Common.Security;

namespace CustomerService.Tests.Application;

public sealed class SignInThrottleScheduleTests
{
    private static readonly DateTime Last = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [TestCase(0, 0)]
    [TestCase(4, 0)]
    [TestCase(5, 1)]
    [TestCase(6, 2)]
    [TestCase(7, 4)]
    [TestCase(14, 512)]
    [TestCase(15, 900)]
    [TestCase(40, 900)]
    [TestCase(int.MaxValue, 900)]
    public void TheFifthFailureStartsOneSecondAndEachFurtherOneDoublesItUpToFifteenMinutes(int failures, int seconds) =>
        Assert.That(SignInThrottleSchedule.DelayAfter(failures), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [Test]
    public void TheWaitRunsFromTheLastFailure()
    {
        var failures = new SignInFailures(6, Last);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(SignInThrottleSchedule.WaitAt(failures, Last), Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(SignInThrottleSchedule.WaitAt(failures, Last.AddMilliseconds(1500)), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(SignInThrottleSchedule.WaitAt(failures, Last.AddSeconds(2)), Is.EqualTo(TimeSpan.Zero));
        }
    }

    [Test]
    public void FailuresStopCounting24HoursAfterTheLast()
    {
        var failures = new SignInFailures(20, Last);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(SignInThrottleSchedule.Counts(failures, Last.AddHours(24).AddTicks(-1)), Is.True);
            Assert.That(SignInThrottleSchedule.Counts(failures, Last.AddHours(24)), Is.False);
            Assert.That(SignInThrottleSchedule.Counts(SignInFailures.None, Last), Is.False);
        }
    }
}
