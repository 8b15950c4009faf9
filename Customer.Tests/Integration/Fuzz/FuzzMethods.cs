using System.Globalization;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration.Fuzz;

/// <summary>A stored customer the valid bodies point at.</summary>
public sealed record FuzzTarget(string Id, string Email, IReadOnlyList<string> AddressIds);

/// <summary>
/// One method under fuzz: its fixed seed, the property a success must carry (null: <c>{"ok":true}</c>
/// alone), and a valid body built from real stored customers.
/// </summary>
public sealed record FuzzMethod(string Name, int Seed, string? ResultProperty, Func<IReadOnlyList<FuzzTarget>, Random, int, JsonObject> ValidBody)
{
    public const string Password = "correct horse battery";

    public FieldLimits Limits => Name == "customer.list" ? FieldLimits.ForList() : FieldLimits.ForCustomers();

    public static IReadOnlyList<FuzzMethod> All { get; } =
    [
        new("customer.create", 410_001, "customer", (_, random, index) =>
        {
            var body = CustomerRequests.Create($"fuzz.create.{index.ToString(CultureInfo.InvariantCulture)}.{random.Next():x}@example.com");
            body["password"] = Password;
            if (random.Next(2) == 0)
            {
                body["addresses"]!.AsArray().Add(CustomerRequests.Address());
            }

            return body;
        }),
        new("customer.info", 410_002, "customer", (targets, random, _) => new JsonObject { ["id"] = Pick(targets, random).Id }),
        new("customer.update", 410_003, "customer", (targets, random, index) =>
        {
            var body = new JsonObject { ["id"] = Pick(targets, random).Id };
            AddSome(random, body,
                ("email", () => random.Next(3) == 0 ? Pick(targets, random).Email : $"Fuzz.Update.{index.ToString(CultureInfo.InvariantCulture)}@Example.com"),
                ("firstName", () => "Jane"),
                ("lastName", () => "Roe"),
                ("status", () => random.Next(2) == 0 ? "ACTIVE" : "INACTIVE"),
                ("tags", () => new JsonArray("VIP", "fuzz")));
            return body;
        }),
        new("customer.list", 410_004, "data", (targets, random, _) =>
        {
            var target = Pick(targets, random);
            var body = new JsonObject();
            AddSome(random, body,
                ("id", () => random.Next(2) == 0 ? target.Id : new JsonArray(target.Id, Pick(targets, random).Id)),
                ("email", () => target.Email),
                ("status", () => random.Next(2) == 0 ? "ACTIVE" : new JsonArray("ACTIVE", "INACTIVE")),
                ("tags", () => random.Next(2) == 0 ? "VIP" : "VIP,fuzz"),
                ("limit", () => random.Next(1, 101)),
                ("skip", () => random.Next(0, 5)));
            return body;
        }),
        new("customer.remove", 410_005, null, (targets, random, _) => new JsonObject { ["id"] = Pick(targets, random).Id }),
        new("customer.checkCredentials", 410_006, "customer", (targets, random, _) =>
            new JsonObject { ["email"] = Pick(targets, random).Email, ["password"] = Password }),
        new("customer.address.create", 410_007, "customer", (targets, random, _) =>
        {
            var body = new JsonObject { ["customerId"] = Pick(targets, random).Id };
            if (random.Next(2) == 0)
            {
                body["address"] = CustomerRequests.Address();
            }
            else
            {
                body["addresses"] = new JsonArray(CustomerRequests.Address(), CustomerRequests.Address());
            }

            return body;
        }),
        new("customer.address.info", 410_008, "address", (targets, random, _) => AddressBody(targets, random)),
        new("customer.address.update", 410_009, "customer", (targets, random, _) =>
        {
            var target = Pick(targets, random);
            var address = new JsonObject { ["id"] = PickAddress(target, random) };
            var template = CustomerRequests.Address();
            foreach (var (field, value) in template.ToList())
            {
                if (random.Next(3) == 0)
                {
                    address[field] = value?.DeepClone();
                }
            }

            return new JsonObject { ["customerId"] = target.Id, ["address"] = address };
        }),
        new("customer.address.remove", 410_010, "customer", (targets, random, _) => AddressBody(targets, random)),
    ];

    public override string ToString() => Name;

    private static FuzzTarget Pick(IReadOnlyList<FuzzTarget> targets, Random random) => targets[random.Next(targets.Count)];

    private static string PickAddress(FuzzTarget target, Random random) => target.AddressIds[random.Next(target.AddressIds.Count)];

    private static JsonObject AddressBody(IReadOnlyList<FuzzTarget> targets, Random random)
    {
        var target = Pick(targets, random);
        return new JsonObject { ["customerId"] = target.Id, ["addressId"] = PickAddress(target, random) };
    }

    /// <summary>Adds a random, non-empty selection of optional fields.</summary>
    private static void AddSome(Random random, JsonObject body, params (string Name, Func<JsonNode?> Value)[] fields)
    {
        var added = 0;
        foreach (var (name, value) in fields)
        {
            if (random.Next(2) == 0)
            {
                body[name] = value();
                added++;
            }
        }

        if (added == 0)
        {
            var (name, value) = fields[random.Next(fields.Length)];
            body[name] = value();
        }
    }
}
