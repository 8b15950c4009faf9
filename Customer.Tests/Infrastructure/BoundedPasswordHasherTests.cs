using CustomerService.Application.Common.Security;
using CustomerService.Infrastructure.Security;

namespace CustomerService.Tests.Infrastructure;

public sealed class BoundedPasswordHasherTests
{
    [Test]
    public async Task NoMoreHashesRunAtOnceThanTheBound()
    {
        var inner = new SlowHasher(TimeSpan.FromMilliseconds(30));
        var hasher = new BoundedPasswordHasher(inner, new PasswordHashingOptions { MaxConcurrency = 2, MaxWait = TimeSpan.FromSeconds(10), MaxQueueLength = 100 });

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => hasher.VerifyAsync("h", "p", CancellationToken.None).AsTask()));

        Assert.That(inner.MostAtOnce, Is.EqualTo(2));
    }

    [Test]
    public async Task ACallThatWaitsLongerThanMaxWaitIsRefusedWithRetryAfter()
    {
        var inner = new SlowHasher(TimeSpan.FromMilliseconds(500));
        var hasher = new BoundedPasswordHasher(inner, new PasswordHashingOptions { MaxConcurrency = 1, MaxWait = TimeSpan.FromMilliseconds(50), MaxQueueLength = 10 });
        var first = hasher.HashAsync("p", CancellationToken.None).AsTask();

        var refused = Assert.ThrowsAsync<PasswordHashingUnavailableException>(async () => await hasher.HashAsync("p", CancellationToken.None));

        Assert.That(refused!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)));
        await first;
        Assert.That(inner.Calls, Is.EqualTo(1), "the refused call never reached the hasher");
    }

    [Test]
    public async Task ACallBeyondTheQueueLengthIsRefusedAtOnce()
    {
        var inner = new SlowHasher(TimeSpan.FromMilliseconds(300));
        var hasher = new BoundedPasswordHasher(inner, new PasswordHashingOptions { MaxConcurrency = 1, MaxWait = TimeSpan.FromSeconds(10), MaxQueueLength = 1 });
        var running = hasher.HashAsync("p", CancellationToken.None).AsTask();
        var queued = hasher.HashAsync("p", CancellationToken.None).AsTask();
        var started = DateTime.UtcNow;

        Assert.ThrowsAsync<PasswordHashingUnavailableException>(async () => await hasher.HashAsync("p", CancellationToken.None));

        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromMilliseconds(250)), "refused without waiting");
        await Task.WhenAll(running, queued);
        Assert.That(inner.Calls, Is.EqualTo(2));
    }

    [Test]
    public void AFailingHashGivesItsSlotBack()
    {
        var hasher = new BoundedPasswordHasher(new SlowHasher(TimeSpan.Zero, fail: true), new PasswordHashingOptions { MaxConcurrency = 1, MaxWait = TimeSpan.FromMilliseconds(100) });

        for (var i = 0; i < 3; i++)
        {
            Assert.ThrowsAsync<InvalidOperationException>(async () => await hasher.VerifyAsync("h", "p", CancellationToken.None));
        }
    }

    private sealed class SlowHasher(TimeSpan duration, bool fail = false) : IPasswordHasher
    {
        private int _running;
        private int _mostAtOnce;
        private int _calls;

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public int Calls => Volatile.Read(ref _calls);

        public string UnknownUserHash => "dummy";

        public async ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
        {
            await RunAsync();
            return "hash";
        }

        public async ValueTask<PasswordCheck> VerifyAsync(string passwordHash, string password, CancellationToken cancellationToken)
        {
            await RunAsync();
            return PasswordCheck.Failed;
        }

        private async Task RunAsync()
        {
            Interlocked.Increment(ref _calls);
            var now = Interlocked.Increment(ref _running);
            int seen;
            while ((seen = Volatile.Read(ref _mostAtOnce)) < now && Interlocked.CompareExchange(ref _mostAtOnce, now, seen) != seen)
            {
            }

            try
            {
                await Task.Delay(duration);
                if (fail)
                {
                    throw new InvalidOperationException("broken hasher");
                }
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }
}
