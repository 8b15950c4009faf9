using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Application.Common.Security;
using CustomerService.Infrastructure.Persistence.SignInThrottling;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Integration;

/// <summary>
/// The sign-in throttle over HTTP, on a clock the tests move: five failures are answered as usual,
/// then each email waits 1, 2, 4 ... s (at most 15 min) between checks, unknown emails alike.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class SignInThrottlingTests(DatabaseKind database) : ClockedHttpFixture(database)
{
    private const string Wrong = "not the password";

    [Test]
    public async Task FiveFailuresAreBadCredentialsAndTheNextAttemptWaitsOneSecondUnchecked()
    {
        var email = await CreateAsync();
        await FailAsync(email, 5);
        var hashes = Service.Hasher.Calls;

        var throttled = await CheckAsync(email, Password);

        AssertTooManyAttempts(throttled, 1);
        Assert.That(Service.Hasher.Calls, Is.EqualTo(hashes), "a throttled attempt computes no hash");
    }

    [Test]
    public async Task EachFurtherFailureDoublesTheDelayUpToFifteenMinutes()
    {
        var email = await CreateAsync();
        await FailAsync(email, 5);
        var seen = new List<int>();

        for (var failures = 5; failures <= 16; failures++)
        {
            var expected = (int)Math.Min(Math.Pow(2, failures - 5), 900);
            var throttled = await CheckAsync(email, Wrong);
            AssertTooManyAttempts(throttled, expected);
            seen.Add(int.Parse(throttled.RetryAfter!, CultureInfo.InvariantCulture));

            // A moment before the delay is over the attempt still waits (rounded up to a whole second); at its end it is checked.
            Service.Advance(TimeSpan.FromSeconds(expected) - TimeSpan.FromMilliseconds(1));
            AssertTooManyAttempts(await CheckAsync(email, Wrong), 1);
            Service.Advance(TimeSpan.FromMilliseconds(1));
            ApiAssert.Error(await CheckAsync(email, Wrong), HttpStatusCode.Unauthorized, "bad_credentials");
        }

        Assert.That(seen, Is.EqualTo(new[] { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900 }));
    }

    [Test]
    public async Task TheRightPasswordWaitsToAndThenSucceedsAndStartsTheCountAfresh()
    {
        var email = await CreateAsync();
        await FailAsync(email, 6);

        AssertTooManyAttempts(await CheckAsync(email, Password), 2);
        Service.Advance(TimeSpan.FromSeconds(2));
        ApiAssert.Success(await CheckAsync(email, Password));

        await FailAsync(email, 5);
        AssertTooManyAttempts(await CheckAsync(email, Wrong), 1);
    }

    [Test]
    public async Task TheCountStillHoldsJustBefore24HoursAfterTheLastFailure()
    {
        var email = await CreateAsync();
        await FailAsync(email, 7);
        Service.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMilliseconds(1));

        ApiAssert.Error(await CheckAsync(email, Wrong), HttpStatusCode.Unauthorized, "bad_credentials");

        AssertTooManyAttempts(await CheckAsync(email, Wrong), 8);
    }

    [Test]
    public async Task TheCountExpires24HoursAfterTheLastFailure()
    {
        var email = await CreateAsync();
        await FailAsync(email, 7);
        Service.Advance(TimeSpan.FromHours(24));

        // The count starts again at one: five failures answered as usual, then one second.
        await FailAsync(email, 5);
        AssertTooManyAttempts(await CheckAsync(email, Wrong), 1);
    }

    [Test]
    public async Task AnUnknownEmailIsThrottledExactlyAsAKnownOne()
    {
        var known = await CreateAsync();
        var unknown = CustomerRequests.UniqueEmail("nobody");

        var knownAnswers = await SequenceAsync(known);
        var unknownAnswers = await SequenceAsync(unknown);

        Assert.That(unknownAnswers, Is.EqualTo(knownAnswers));
        Assert.That(knownAnswers[^1], Does.StartWith("429 1 "));
    }

    [Test]
    public async Task FailuresAreCountedPerEmailIgnoringCase()
    {
        var email = await CreateAsync();
        var other = await CreateAsync();
        await FailAsync(email.ToUpperInvariant(), 5);

        AssertTooManyAttempts(await CheckAsync(email, Password), 1);
        ApiAssert.Success(await CheckAsync(other, Password));
    }

    [Test]
    public async Task ParallelFailuresAllCount()
    {
        var email = await CreateAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => CheckAsync(email, Wrong)));

        Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(HttpStatusCode.Unauthorized));
        AssertTooManyAttempts(await CheckAsync(email, Password), 1);
    }

    [Test]
    public async Task AWrongCurrentPasswordOfAChangeCountsForTheCustomersEmail()
    {
        var email = await CreateAsync();
        var id = await IdOfAsync(email);
        await FailAsync(email, 3);
        var change = new JsonObject { ["id"] = id, ["password"] = Wrong, ["newPassword"] = "a brand new password" };

        ApiAssert.Error(await Clocked.PostAsync("customer.password.change", change.DeepClone()), HttpStatusCode.Unauthorized, "bad_credentials");
        ApiAssert.Error(await Clocked.PostAsync("customer.password.change", change.DeepClone()), HttpStatusCode.Unauthorized, "bad_credentials");
        var hashes = Service.Hasher.Calls;

        AssertTooManyAttempts(await CheckAsync(email, Password), 1);
        change["password"] = Password;
        AssertTooManyAttempts(await Clocked.PostAsync("customer.password.change", change), 1);
        Assert.That(Service.Hasher.Calls, Is.EqualTo(hashes), "neither throttled attempt computed a hash");
    }

    [Test]
    public async Task TheThrottleKeepsNoEmailAddress()
    {
        var unknown = CustomerRequests.UniqueEmail("stored");
        await FailAsync(unknown, 1);

        var keys = await Factory.WithDatabaseAsync(db => db.Set<SignInFailureCount>().Select(c => c.Key).ToListAsync());

        Assert.That(keys, Has.Some.EqualTo(DatabaseSignInThrottle.KeyOf(unknown)));
        Assert.That(keys, Has.All.Match("^[0-9A-F]{64}$"));
    }

    [Test]
    public async Task TheThrottleKeepsAtMostItsCapOfEmailsEvictingTheOldest()
    {
        using var capped = new ClockedService(NewFactory(new Dictionary<string, string> { ["Security:SignInThrottle:MaxEntries"] = "3" }));
        var emails = Enumerable.Range(0, 5).Select(i => CustomerRequests.UniqueEmail($"capped{i}")).ToList();
        foreach (var email in emails)
        {
            capped.Advance(TimeSpan.FromSeconds(1));
            ApiAssert.Error(
                await capped.Client.PostAsync("customer.checkCredentials", new JsonObject { ["email"] = email, ["password"] = Wrong }),
                HttpStatusCode.Unauthorized,
                "bad_credentials");
        }

        var keys = await capped.Factory.WithDatabaseAsync(db => db.Set<SignInFailureCount>().Select(c => c.Key).ToListAsync());

        Assert.That(keys, Is.EquivalentTo(emails.Skip(2).Select(DatabaseSignInThrottle.KeyOf)));
        capped.Factory.Dispose();
    }

    [Test]
    public async Task ExpiredCountsAreDeletedWhenANewEmailIsCounted()
    {
        var old = CustomerRequests.UniqueEmail("expired");
        await FailAsync(old, 1);
        Service.Advance(TimeSpan.FromHours(25));

        await FailAsync(CustomerRequests.UniqueEmail("fresh"), 1);

        var keys = await Factory.WithDatabaseAsync(db => db.Set<SignInFailureCount>().Select(c => c.Key).ToListAsync());
        Assert.That(keys, Does.Not.Contain(DatabaseSignInThrottle.KeyOf(old)));
    }

    [Test]
    public async Task BadInputIsAValidationErrorThatCountsNothing()
    {
        var email = await CreateAsync();
        foreach (var body in new[] { $"{{\"email\":\"{email}\"}}", $"{{\"email\":\"{email}\",\"password\":\"\"}}", $"{{\"email\":\"{email}\",\"password\":7}}" })
        {
            for (var i = 0; i < 3; i++)
            {
                ApiAssert.Error(await Clocked.PostRawAsync("customer.checkCredentials", body), HttpStatusCode.BadRequest, "validation_error");
            }
        }

        await FailAsync(email, 4);
        ApiAssert.Success(await CheckAsync(email, Password));
    }

    private async Task<List<string>> SequenceAsync(string email)
    {
        var answers = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var response = await CheckAsync(email, Wrong);
            answers.Add($"{(int)response.Status} {response.RetryAfter} {response.Text}");
        }

        return answers;
    }

    private async Task<string> CreateAsync() => (await CreateWithPasswordAsync("throttled")).Email;

    private async Task<string> IdOfAsync(string email)
    {
        var list = await Clocked.PostAsync("customer.list", new JsonObject { ["email"] = email });
        return ApiAssert.Ids(list).Single();
    }

    /// <summary>Fails <paramref name="times"/> more checks in a row, from none, letting each delay pass first.</summary>
    private async Task FailAsync(string email, int times)
    {
        for (var failures = 0; failures < times; failures++)
        {
            Service.Advance(SignInThrottleSchedule.DelayAfter(failures));
            ApiAssert.Error(await CheckAsync(email, Wrong), HttpStatusCode.Unauthorized, "bad_credentials");
        }
    }

    private static void AssertTooManyAttempts(ApiResponse response, int seconds)
    {
        using (Assert.EnterMultipleScope())
        {
            EnvelopeAssert.IsExactly(response, HttpStatusCode.TooManyRequests, $"{{\"ok\":false,\"error\":\"too_many_attempts\",\"data\":{{\"retryAfter\":{seconds}}}}}");
            Assert.That(response.RetryAfter, Is.EqualTo(seconds.ToString(CultureInfo.InvariantCulture)), "Retry-After");
        }
    }
}
