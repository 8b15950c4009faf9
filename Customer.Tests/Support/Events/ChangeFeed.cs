using System.Net;
using System.Text.Json.Nodes;

namespace CustomerService.Tests.Support.Events;

/// <summary>Reads <c>customer.changes</c> as a consumer catching up does: page after page until nothing is new.</summary>
public static class ChangeFeed
{
    /// <summary>
    /// Every event the feed offers now from the oldest (or after <paramref name="after"/>), in feed order,
    /// and the cursor to resume from.
    /// </summary>
    public static async Task<(IReadOnlyList<JsonObject> Events, string? Next)> ReadToEndAsync(ApiClient client, string? after = null, int limit = 1000)
    {
        ArgumentNullException.ThrowIfNull(client);
        var events = new List<JsonObject>();
        var cursor = after;
        while (true)
        {
            var body = new JsonObject { ["limit"] = limit };
            if (cursor is not null)
            {
                body["after"] = cursor;
            }

            var response = await client.PostAsync("customer.changes", body);
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), $"customer.changes: {response.Text}");
            var changes = response.Body["changes"]!.AsArray();
            if (changes.Count == 0)
            {
                return (events, cursor);
            }

            events.AddRange(changes.Select(change => change!.AsObject()));
            cursor = response.Body["next"]!.GetValue<string>();
        }
    }
}
