using System.Text.Json.Nodes;

namespace CustomerService.Tests.Support;

/// <summary>Reads customer.changes the way a sync job does: page after page, keeping <c>next</c>.</summary>
public static class ChangeFeedReader
{
    /// <summary>One page; fails the test unless the service answers it.</summary>
    public static async Task<(List<JsonObject> Changes, string Next)> ReadPageAsync(this ApiClient client, string? after, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = new JsonObject();
        if (after is not null)
        {
            body["after"] = after;
        }

        if (limit is not null)
        {
            body["limit"] = limit;
        }

        var response = await client.PostAsync("customer.changes", body);
        ApiAssert.Success(response);
        var changes = response.Body["changes"]!.AsArray().Select(c => c!.AsObject()).ToList();
        return (changes, response.Body["next"]!.GetValue<string>());
    }

    /// <summary>Every change after <paramref name="after"/> up to the end of the feed, and the last <c>next</c>.</summary>
    public static async Task<(List<JsonObject> Changes, string Next)> ReadToEndAsync(this ApiClient client, string? after = null, int limit = 1000)
    {
        var all = new List<JsonObject>();
        while (true)
        {
            var (changes, next) = await client.ReadPageAsync(after, limit);
            all.AddRange(changes);
            after = next;
            if (changes.Count < limit)
            {
                return (all, next);
            }
        }
    }

    /// <summary>
    /// Reads to the end until <paramref name="complete"/> holds (at most ten seconds, then the last read):
    /// on PostgreSQL a change is readable only once every transaction older than it, in any database of
    /// the cluster, has ended, so a change just committed can take a moment to appear.
    /// </summary>
    public static async Task<(List<JsonObject> Changes, string Next)> ReadUntilAsync(
        this ApiClient client, string? after, Func<List<JsonObject>, bool> complete)
    {
        ArgumentNullException.ThrowIfNull(complete);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var read = await client.ReadToEndAsync(after);
            if (complete(read.Changes) || DateTime.UtcNow > deadline)
            {
                return read;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The changes of one customer, in feed order.</summary>
    public static List<JsonObject> Of(this IEnumerable<JsonObject> changes, string customerId) =>
        [.. changes.Where(c => c["subject"]!.GetValue<string>() == customerId)];

    /// <summary>The version a change stored: <c>data.customer.version</c>, or <c>data.version</c> for a removal.</summary>
    public static int VersionOf(JsonObject change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var data = change["data"]!;
        return (data["customer"]?["version"] ?? data["version"])!.GetValue<int>();
    }
}
