using CustomerService.Application;
using CustomerService.Application.Common.Time;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Application;

public sealed class MicrosecondClockTests
{
    [Test]
    public void KeepsNoPrecisionFinerThanAMicrosecond()
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.That(MicrosecondClock.Instance.GetUtcNow().Ticks % TimeSpan.TicksPerMicrosecond, Is.Zero);
        }
    }

    [Test]
    public void IsTheApplicationsClock()
    {
        using var services = new ServiceCollection().AddApplication().BuildServiceProvider();

        Assert.That(services.GetRequiredService<TimeProvider>(), Is.SameAs(MicrosecondClock.Instance));
    }

    [Test]
    public void FollowsTheSystemClock()
    {
        var before = TimeProvider.System.GetUtcNow().AddTicks(-TimeSpan.TicksPerMicrosecond);
        var now = MicrosecondClock.Instance.GetUtcNow();

        Assert.That(now, Is.InRange(before, TimeProvider.System.GetUtcNow()));
    }
}
