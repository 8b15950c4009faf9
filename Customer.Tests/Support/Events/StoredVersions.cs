using System.Net;
using System.Text.Json.Nodes;

namespace CustomerService.Tests.Support.Events;

/// <summary>Each customer's version as the service answers it now (customer.info), or null when it is no longer stored.</summary>
public static class StoredVersions
{
    public static async Task<IReadOnlyDictionary<string, int?>> ReadAsync(ApiClient client, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(ids);
        var stored = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var info = await client.PostAsync("customer.info", new JsonObject { ["id"] = id });
            stored[id] = info.Status switch
            {
                HttpStatusCode.OK => info.Customer["version"]!.GetValue<int>(),
                HttpStatusCode.NotFound => null,
                _ => throw new AssertionException($"customer.info {id}: {info.Text}"),
            };
        }

        return stored;
    }
}
