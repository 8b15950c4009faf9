using System.Text.Json.Nodes;

namespace CustomerService.Tests.Support;

/// <summary>Valid request bodies to start from; tests change the one field they are about.</summary>
public static class CustomerRequests
{
    private static int _sequence;

    public static string UniqueEmail(string prefix = "customer") =>
        $"{prefix}.{Interlocked.Increment(ref _sequence)}.{Guid.NewGuid():N}@example.com";

    public static JsonObject Create(string? email = null) => new()
    {
        ["email"] = email ?? UniqueEmail(),
        ["password"] = "correct horse battery",
        ["firstName"] = "John",
        ["lastName"] = "Doe",
        ["status"] = "ACTIVE",
        ["tags"] = new JsonArray("VIP"),
        ["addresses"] = new JsonArray(Address()),
    };

    public static JsonObject Address() => new()
    {
        ["name"] = "Work",
        ["firstName"] = "John",
        ["lastName"] = "Doe",
        ["address_1"] = "1650 Bolman Court",
        ["address_2"] = "Number 10",
        ["postCode"] = "61701",
        ["city"] = "Bloomington",
        ["state"] = "Illinois",
        ["country"] = "US",
        ["company"] = "My Company",
        ["phone"] = 2173203531,
        ["instructions"] = "Some Instructions",
    };
}
