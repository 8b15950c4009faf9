using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration.Changes;

/// <summary>
/// G6: the feed pages through any <c>limit</c> to the same sequence, and resumes from any <c>next</c>
/// without gaps or repeats.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class ChangeFeedPagingTests(DatabaseKind database) : HttpFixture(database)
{
    private List<string> _all = null!;

    [OneTimeSetUp]
    public async Task WriteSomeHistory()
    {
        for (var i = 0; i < 6; i++)
        {
            var id = await Client.CreateCustomerAsync();
            ApiAssert.Success(await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["lastName"] = $"L{i}" }));
            if (i % 2 == 0)
            {
                ApiAssert.Success(await Client.PostAsync("customer.remove", new JsonObject { ["id"] = id }));
            }
        }

        _all = Ids((await Client.ReadUntilAsync(null, all => all.Count >= 15)).Changes);
        Assert.That(_all, Has.Count.EqualTo(15));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    [TestCase(7)]
    [TestCase(15)]
    [TestCase(1000)]
    public async Task AnyLimitGivesTheSameSequence(int limit)
    {
        var (changes, _) = await Client.ReadToEndAsync(limit: limit);

        Assert.That(Ids(changes), Is.EqualTo(_all));
    }

    [Test]
    public async Task ResumingFromAnyNextContinuesWithoutGapOrRepeat()
    {
        var nexts = new List<string>();
        string? after = null;
        for (var i = 0; i < _all.Count; i++)
        {
            var (page, next) = await Client.ReadPageAsync(after, limit: 1);
            Assert.That(Ids(page), Is.EqualTo(new[] { _all[i] }));
            nexts.Add(next);
            after = next;
        }

        for (var i = 0; i < nexts.Count; i++)
        {
            var (rest, _) = await Client.ReadToEndAsync(nexts[i], limit: 3);
            Assert.That(Ids(rest), Is.EqualTo(_all.Skip(i + 1)), $"resumed after change {i}");
        }
    }

    [Test]
    public async Task AtTheEndNextRepeatsTheGivenPositionAndNewChangesFollowIt()
    {
        var (_, end) = await Client.ReadToEndAsync();

        var (none, again) = await Client.ReadPageAsync(end);
        Assert.That(none, Is.Empty);
        Assert.That(again, Is.EqualTo(end));

        var id = await Client.CreateCustomerAsync();
        var (fresh, next) = await Client.ReadUntilAsync(end, all => all.Count > 0);
        Assert.That(fresh.Select(c => c["subject"]!.GetValue<string>()), Is.EqualTo(new[] { id }));
        Assert.That(next, Is.Not.EqualTo(end));
        _all.Add(fresh[0]["id"]!.GetValue<string>());
    }

    [Test]
    public async Task TheLimitDefaultsTo100AndMustBeBetween1And1000()
    {
        var (page, _) = await Client.ReadPageAsync(null);
        Assert.That(page, Has.Count.EqualTo(Math.Min(100, _all.Count)));

        foreach (var limit in new[] { 0, -1, 1001 })
        {
            var response = await Client.PostAsync("customer.changes", new JsonObject { ["limit"] = limit });
            ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
            Assert.That(response.Data![0]!["field"]!.GetValue<string>(), Is.EqualTo("limit"));
        }
    }

    [Test]
    public async Task GetWithTheQueryStringReadsTheSamePages()
    {
        var (first, next) = await Client.ReadPageAsync(null, limit: 2);

        var response = await Client.GetAsync("customer.changes", $"limit=2&after={Uri.EscapeDataString(next)}");

        ApiAssert.Success(response);
        var second = response.Body["changes"]!.AsArray().Select(c => c!["id"]!.GetValue<string>());
        Assert.That(Ids(first).Concat(second), Is.EqualTo(_all.Take(4)));
    }

    private static List<string> Ids(IEnumerable<JsonObject> changes) => [.. changes.Select(c => c["id"]!.GetValue<string>())];
}
