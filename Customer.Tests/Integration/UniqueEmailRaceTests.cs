using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

/// <summary>
/// Parallel requests claiming one email: the unique index, not the friendly pre-check, must decide,
/// and the losers must hear duplicate_key (409), never 500 or 503. Each test has a service of its own.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class UniqueEmailRaceTests(DatabaseKind database) : DatabaseFixture(database)
{
    private const int Contenders = 8;

    [Test]
    public async Task ParallelCreatesOfOneEmailLetExactlyOneWin()
    {
        using var factory = NewFactory();
        using var client = factory.CreateApiClient();
        var email = CustomerRequests.UniqueEmail("race");

        var responses = await Race(Enumerable.Repeat(email, Contenders).Select(e => (Func<Task<ApiResponse>>)(() =>
            client.PostAsync("customer.create", CustomerRequests.Create(e)))));

        AssertOneWinner(responses, Enumerable.Repeat(email, Contenders).ToList());
        Assert.That(await factory.CountWithEmailAsync(email), Is.EqualTo(1));
        var winner = responses.Single(r => r.Status == HttpStatusCode.OK);
        var stored = await factory.GetStoredAsync(winner.Customer["id"]!.GetValue<string>());
        Assert.That(stored.Email, Is.EqualTo(email));
    }

    [Test]
    public async Task ParallelCreatesOfOneEmailInDifferentCasingsLetExactlyOneWin()
    {
        using var factory = NewFactory();
        using var client = factory.CreateApiClient();
        var emails = Casings(CustomerRequests.UniqueEmail("Race"));

        var responses = await Race(emails.Select(e => (Func<Task<ApiResponse>>)(() =>
            client.PostAsync("customer.create", CustomerRequests.Create(e)))));

        AssertOneWinner(responses, emails);
        Assert.That(await factory.CountWithEmailAsync(emails[0]), Is.EqualTo(1));
        Assert.That(await factory.CountCustomersAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task ParallelUpdatesOfDifferentCustomersToOneEmailLetExactlyOneWin()
    {
        using var factory = NewFactory();
        using var client = factory.CreateApiClient();
        var ids = new List<string>();
        for (var i = 0; i < Contenders; i++)
        {
            ids.Add(await client.CreateCustomerAsync());
        }

        var before = new Dictionary<string, StoredCustomer>();
        foreach (var id in ids)
        {
            before[id] = await factory.GetStoredAsync(id);
        }

        var email = CustomerRequests.UniqueEmail("target");
        var responses = await Race(ids.Select(id => (Func<Task<ApiResponse>>)(() =>
            client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["email"] = email }))));

        AssertOneWinner(responses, Enumerable.Repeat(email, Contenders).ToList());
        await AssertOnlyTheWinnerChanged(factory, ids, before, responses, email);
    }

    [Test]
    public async Task ParallelUpdatesToOneEmailInDifferentCasingsLetExactlyOneWin()
    {
        using var factory = NewFactory();
        using var client = factory.CreateApiClient();
        var ids = new List<string>();
        for (var i = 0; i < Contenders; i++)
        {
            ids.Add(await client.CreateCustomerAsync());
        }

        var before = new Dictionary<string, StoredCustomer>();
        foreach (var id in ids)
        {
            before[id] = await factory.GetStoredAsync(id);
        }

        var emails = Casings(CustomerRequests.UniqueEmail("Target"));
        var responses = await Race(ids.Select((id, i) => (Func<Task<ApiResponse>>)(() =>
            client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["email"] = emails[i] }))));

        AssertOneWinner(responses, emails);
        var winner = responses.Single(r => r.Status == HttpStatusCode.OK);
        await AssertOnlyTheWinnerChanged(factory, ids, before, responses, winner.Customer["email"]!.GetValue<string>());
    }

    /// <summary>Starts every call at once, through the real HTTP pipeline, and waits for all of them.</summary>
    private static async Task<ApiResponse[]> Race(IEnumerable<Func<Task<ApiResponse>>> calls)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = calls.Select(async call =>
        {
            await start.Task;
            return await call();
        }).ToList();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>One 200; every other answer a 409 duplicate_key naming the email that request sent.</summary>
    private static void AssertOneWinner(ApiResponse[] responses, List<string> sentEmails)
    {
        var summary = string.Join(Environment.NewLine, responses.Select(r => $"{(int)r.Status} {r.Text}"));
        Assert.That(responses.Select(r => r.Status), Has.None.GreaterThanOrEqualTo(HttpStatusCode.InternalServerError), summary);
        Assert.That(responses.Count(r => r.Status == HttpStatusCode.OK), Is.EqualTo(1), summary);
        Assert.That(responses.Count(r => r.Status == HttpStatusCode.Conflict), Is.EqualTo(responses.Length - 1), summary);
        for (var i = 0; i < responses.Length; i++)
        {
            if (responses[i].Status == HttpStatusCode.OK)
            {
                EnvelopeAssert.IsCustomer(responses[i]);
                Assert.That(responses[i].Customer["email"]!.GetValue<string>(), Is.EqualTo(sentEmails[i]));
                continue;
            }

            var expected = new JsonObject
            {
                ["ok"] = false,
                ["error"] = "duplicate_key",
                ["data"] = new JsonObject { ["index"] = "email", ["value"] = sentEmails[i] },
            };
            EnvelopeAssert.IsExactly(responses[i], HttpStatusCode.Conflict, expected.ToJsonString());
        }
    }

    private static async Task AssertOnlyTheWinnerChanged(
        CustomerApiFactory factory,
        List<string> ids,
        Dictionary<string, StoredCustomer> before,
        ApiResponse[] responses,
        string winningEmail)
    {
        Assert.That(await factory.CountWithEmailAsync(winningEmail), Is.EqualTo(1));
        for (var i = 0; i < ids.Count; i++)
        {
            var stored = await factory.GetStoredAsync(ids[i]);
            if (responses[i].Status == HttpStatusCode.OK)
            {
                Assert.That(stored.Email, Is.EqualTo(winningEmail));
                Assert.That(stored.Version, Is.EqualTo(2));
            }
            else
            {
                Assert.That(stored, Is.EqualTo(before[ids[i]]), $"loser {ids[i]} must be unchanged");
            }
        }
    }

    /// <summary>The same address in <see cref="Contenders"/> different spellings of case.</summary>
    private static List<string> Casings(string email)
    {
        var result = new List<string>();
        for (var variant = 0; variant < Contenders; variant++)
        {
            var chars = email.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = ((i + variant) % (variant + 2)) == 0 ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
            }

            result.Add(new string(chars));
        }

        Assert.That(result.Distinct(StringComparer.Ordinal).Count(), Is.GreaterThan(1), "the spellings differ");
        return result;
    }
}
