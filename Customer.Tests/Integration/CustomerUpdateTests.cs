using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class CustomerUpdateTests(DatabaseKind database) : HttpFixture(database)
{
    private const string UnknownId = "NoSuchCustomer01";
    private const string NotFoundBody = """{"ok":false,"error":"customer_not_found","data":{"id":"NoSuchCustomer01"}}""";

    [Test]
    public async Task ReturnsTheUpdatedCustomerInTheContractShape()
    {
        var created = await CreateAsync();
        var id = Id(created);
        var newEmail = CustomerRequests.UniqueEmail("renamed");

        var customer = EnvelopeAssert.IsCustomer(await Update(new JsonObject
        {
            ["id"] = id,
            ["email"] = newEmail,
            ["firstName"] = "Jane",
            ["lastName"] = "Roe",
            ["tags"] = new JsonArray("Gold"),
            ["status"] = "INACTIVE",
        }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer["id"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(customer["email"]!.GetValue<string>(), Is.EqualTo(newEmail));
            Assert.That(customer["firstName"]!.GetValue<string>(), Is.EqualTo("Jane"));
            Assert.That(customer["lastName"]!.GetValue<string>(), Is.EqualTo("Roe"));
            Assert.That(customer["status"]!.GetValue<string>(), Is.EqualTo("INACTIVE"));
            Assert.That(Tags(customer), Is.EqualTo(new[] { "Gold" }));
            Assert.That(customer["version"]!.GetValue<int>(), Is.EqualTo(2), "one update, one version, however many fields");
            Assert.That(JsonNode.DeepEquals(customer["addresses"], created["addresses"]), Is.True, "addresses are not touched by customer.update");
            Assert.That(customer["createdAt"]!.GetValue<string>(), Is.EqualTo(created["createdAt"]!.GetValue<string>()));
            Assert.That(Timestamp(customer, "updatedAt"), Is.GreaterThanOrEqualTo(Timestamp(created, "updatedAt")));
        }
    }

    [Test]
    public async Task PersistsTheUpdate()
    {
        var id = Id(await CreateAsync());
        var newEmail = CustomerRequests.UniqueEmail("Persisted");

        var updated = EnvelopeAssert.IsCustomer(await Update(new JsonObject
        {
            ["id"] = id,
            ["email"] = newEmail,
            ["firstName"] = "Jane",
            ["status"] = "INACTIVE",
            ["tags"] = new JsonArray("A", "B"),
        }));

        var info = await Info(id);
        Assert.That(JsonNode.DeepEquals(info, updated), Is.True, $"info {info.ToJsonString()} differs from update {updated.ToJsonString()}");

        var stored = await Factory.GetStoredAsync(id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Email, Is.EqualTo(newEmail));
            Assert.That(stored.NormalizedEmail, Is.EqualTo(newEmail.ToLowerInvariant()));
            Assert.That(stored.FirstName, Is.EqualTo("Jane"));
            Assert.That(stored.LastName, Is.EqualTo("Doe"));
            Assert.That(stored.Status, Is.EqualTo("INACTIVE"));
            Assert.That(stored.Tags, Is.EqualTo(new[] { "A", "B" }));
            Assert.That(stored.Version, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task AnAbsentFieldKeepsItsValue()
    {
        var created = await CreateAsync();
        var id = Id(created);

        var customer = EnvelopeAssert.IsCustomer(await Update(new JsonObject { ["id"] = id, ["lastName"] = "Smith" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer["lastName"]!.GetValue<string>(), Is.EqualTo("Smith"));
            foreach (var unchanged in new[] { "email", "firstName", "status", "tags", "addresses", "id", "createdAt" })
            {
                Assert.That(JsonNode.DeepEquals(customer[unchanged], created[unchanged]), Is.True, unchanged);
            }
        }

        var stored = await Factory.GetStoredAsync(id);
        Assert.That(stored.LastName, Is.EqualTo("Smith"));
        Assert.That(stored.FirstName, Is.EqualTo("John"));
        Assert.That(stored.Tags, Is.EqualTo(new[] { "VIP" }));
    }

    [Test]
    public async Task ANullFieldKeepsItsValue()
    {
        var created = await CreateAsync();
        var id = Id(created);
        var before = await Factory.GetStoredAsync(id);

        var customer = EnvelopeAssert.IsCustomer(await Client.PostRawAsync("customer.update",
            $$"""{"id":"{{id}}","email":null,"firstName":null,"lastName":null,"status":null,"tags":null}"""));

        Assert.That(JsonNode.DeepEquals(customer, created), Is.True, $"{customer.ToJsonString()} differs from {created.ToJsonString()}");
        Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task TagsReplaceTheWholeList()
    {
        var body = CustomerRequests.Create();
        body["tags"] = new JsonArray("VIP", "B2B");
        var id = Id(await CreateAsync(body));

        var customer = EnvelopeAssert.IsCustomer(await Update(new JsonObject { ["id"] = id, ["tags"] = new JsonArray("Gold") }));

        Assert.That(Tags(customer), Is.EqualTo(new[] { "Gold" }));
        Assert.That((await Factory.GetStoredAsync(id)).Tags, Is.EqualTo(new[] { "Gold" }));
    }

    [Test]
    public async Task AnEmptyTagListClearsTheTags()
    {
        var id = Id(await CreateAsync());

        var customer = EnvelopeAssert.IsCustomer(await Update(new JsonObject { ["id"] = id, ["tags"] = new JsonArray() }));

        Assert.That(customer["tags"]!.AsArray(), Is.Empty);
        Assert.That((await Factory.GetStoredAsync(id)).Tags, Is.Empty);
        Assert.That((await Info(id))["tags"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task DuplicateTagsCollapse()
    {
        var id = Id(await CreateAsync());

        var customer = EnvelopeAssert.IsCustomer(await Update(new JsonObject { ["id"] = id, ["tags"] = new JsonArray("Gold", "VIP", "Gold", "VIP") }));

        Assert.That(Tags(customer), Is.EqualTo(new[] { "Gold", "VIP" }));
        Assert.That((await Factory.GetStoredAsync(id)).Tags, Is.EqualTo(new[] { "Gold", "VIP" }));
    }

    [Test]
    public async Task VersionGrowsByOnePerEffectiveUpdate()
    {
        var id = Id(await CreateAsync());

        var versions = new List<int>();
        foreach (var change in new[]
        {
            new JsonObject { ["id"] = id, ["firstName"] = "Jane" },
            new JsonObject { ["id"] = id, ["tags"] = new JsonArray("Gold") },
            new JsonObject { ["id"] = id, ["status"] = "INACTIVE" },
            new JsonObject { ["id"] = id, ["email"] = CustomerRequests.UniqueEmail("versioned") },
            new JsonObject { ["id"] = id, ["firstName"] = "Joan", ["lastName"] = "Poe", ["status"] = "ACTIVE" },
        })
        {
            versions.Add(EnvelopeAssert.IsCustomer(await Update(change))["version"]!.GetValue<int>());
        }

        Assert.That(versions, Is.EqualTo(new[] { 2, 3, 4, 5, 6 }));
        Assert.That((await Factory.GetStoredAsync(id)).Version, Is.EqualTo(6));
        Assert.That((await Info(id))["version"]!.GetValue<int>(), Is.EqualTo(6));
    }

    [Test]
    public async Task AnUpdateThatChangesNothingKeepsTheVersion()
    {
        var created = await CreateAsync();
        var id = Id(created);
        var before = await Factory.GetStoredAsync(id);

        var same = new[]
        {
            new JsonObject { ["id"] = id },
            new JsonObject
            {
                ["id"] = id,
                ["email"] = created["email"]!.GetValue<string>(),
                ["firstName"] = "John",
                ["lastName"] = "Doe",
                ["status"] = "ACTIVE",
                ["tags"] = new JsonArray("VIP"),
            },
            new JsonObject { ["id"] = id, ["tags"] = new JsonArray("VIP", "VIP") },
        };
        foreach (var body in same)
        {
            var customer = EnvelopeAssert.IsCustomer(await Update(body));
            Assert.That(customer["version"]!.GetValue<int>(), Is.EqualTo(1), body.ToJsonString());
        }

        Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task ChangingOnlyTheCaseOfOnesOwnEmailIsAllowedAndKeepsTheNewCasing()
    {
        var email = CustomerRequests.UniqueEmail("casing");
        var id = Id(await CreateAsync(CustomerRequests.Create(email)));
        var upper = email.ToUpperInvariant();

        var customer = EnvelopeAssert.IsCustomer(await Update(new JsonObject { ["id"] = id, ["email"] = upper }));

        Assert.That(customer["email"]!.GetValue<string>(), Is.EqualTo(upper));
        Assert.That(customer["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That((await Info(id))["email"]!.GetValue<string>(), Is.EqualTo(upper));
        var stored = await Factory.GetStoredAsync(id);
        Assert.That(stored.Email, Is.EqualTo(upper));
        Assert.That(await Factory.CountWithEmailAsync(email), Is.EqualTo(1));
    }

    // ---- the seed's error table -------------------------------------------------------------

    [Test]
    public async Task ErrorTableDuplicateKeyWhenTheEmailBelongsToAnotherCustomerInAnyCase()
    {
        var takenEmail = CustomerRequests.UniqueEmail("owner");
        await CreateAsync(CustomerRequests.Create(takenEmail));
        var id = Id(await CreateAsync());
        var before = await Factory.GetStoredAsync(id);
        var claimed = takenEmail.ToUpperInvariant();

        var response = await Update(new JsonObject { ["id"] = id, ["email"] = claimed, ["firstName"] = "Changed" });

        EnvelopeAssert.IsExactly(response, HttpStatusCode.Conflict,
            new JsonObject { ["ok"] = false, ["error"] = "duplicate_key", ["data"] = new JsonObject { ["index"] = "email", ["value"] = claimed } }.ToJsonString());
        Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before), "a rejected update changes nothing");
        Assert.That(await Factory.CountWithEmailAsync(takenEmail), Is.EqualTo(1));
    }

    [Test]
    public async Task ErrorTableValidationErrorListsEveryProblem()
    {
        var id = Id(await CreateAsync());
        var before = await Factory.GetStoredAsync(id);

        var response = await Update(new JsonObject
        {
            ["id"] = id,
            ["firstName"] = "",
            ["lastName"] = new string('x', 101),
            ["status"] = "DELETED",
            ["tags"] = new JsonArray("ok", "  "),
        });

        var fields = EnvelopeAssert.IsValidationError(response, "firstName", "lastName", "status", "tags[1]");
        Assert.That(fields, Has.Count.EqualTo(4), response.Text);
        Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before), "a rejected update changes nothing");
    }

    [Test]
    public async Task ARejectedUpdateAppliesNoneOfItsValidFields()
    {
        var id = Id(await CreateAsync());
        var before = await Factory.GetStoredAsync(id);

        var response = await Update(new JsonObject
        {
            ["id"] = id,
            ["email"] = CustomerRequests.UniqueEmail("never"),
            ["firstName"] = "Never",
            ["tags"] = new JsonArray("Never"),
            ["status"] = "bogus",
        });

        EnvelopeAssert.IsValidationError(response, "status");
        Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before));
        Assert.That((await Info(id))["firstName"]!.GetValue<string>(), Is.EqualTo("John"));
    }

    [Test]
    public async Task ErrorTableCustomerNotFoundCarriesTheId()
    {
        var response = await Update(new JsonObject { ["id"] = UnknownId, ["firstName"] = "Jane" });

        EnvelopeAssert.IsExactly(response, HttpStatusCode.NotFound, NotFoundBody);
    }

    [TestCase("not-an-email")]
    [TestCase("john.doe@localhost")]
    [TestCase("a@b@example.com")]
    [TestCase("john doe@example.com")]
    public async Task ErrorTableCustomerInvalidEmailWhenTheFormatIsTheOnlyProblem(string email)
    {
        var id = Id(await CreateAsync());
        var before = await Factory.GetStoredAsync(id);

        var response = await Update(new JsonObject { ["id"] = id, ["email"] = email, ["firstName"] = "Jane" });

        EnvelopeAssert.IsInvalidEmail(response);
        Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task AnInvalidEmailAmongOtherProblemsIsOneEntryOfAValidationError()
    {
        var id = Id(await CreateAsync());

        var response = await Update(new JsonObject { ["id"] = id, ["email"] = "not-an-email", ["status"] = "bogus" });

        var fields = EnvelopeAssert.IsValidationError(response, "email", "status");
        Assert.That(fields, Has.Count.EqualTo(2), response.Text);
    }

    [Test]
    public async Task TheSeedsExampleWithAnEmptyEmailIsCustomerInvalidEmail()
    {
        var id = Id(await CreateAsync());
        var before = await Factory.GetStoredAsync(id);

        // The seed's curl example, with the id of a customer that exists.
        var response = await Client.PostRawAsync("customer.update", $$"""
            {
                "id": "{{id}}",
                "email": "",
                "firstName": "John",
                "lastName": "Doe",
                "tags": ["VIP"],
                "status": "ACTIVE"
            }
            """);

        EnvelopeAssert.IsInvalidEmail(response);
        Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task ValidationComesBeforeExistence()
    {
        var response = await Update(new JsonObject { ["id"] = UnknownId, ["status"] = "bogus" });

        EnvelopeAssert.IsValidationError(response, "status");
    }

    [Test]
    public async Task ABadBodyForAnUnknownIdIsAValidationError()
    {
        var response = await Client.PostRawAsync("customer.update", $$"""{"id":"{{UnknownId}}","isAdmin":true}""");

        EnvelopeAssert.IsValidationError(response, "isAdmin");
    }

    [Test]
    public async Task AnInvalidEmailForAnUnknownIdIsCustomerInvalidEmail()
    {
        var response = await Update(new JsonObject { ["id"] = UnknownId, ["email"] = "" });

        EnvelopeAssert.IsInvalidEmail(response);
    }

    [Test]
    public async Task ExistenceComesBeforeUniqueness()
    {
        var takenEmail = CustomerRequests.UniqueEmail("taken");
        await CreateAsync(CustomerRequests.Create(takenEmail));

        var response = await Update(new JsonObject { ["id"] = UnknownId, ["email"] = takenEmail });

        EnvelopeAssert.IsExactly(response, HttpStatusCode.NotFound, NotFoundBody);
    }

    [TestCase("{}")]
    [TestCase("""{"id":""}""")]
    [TestCase("""{"firstName":"Jane"}""")]
    public async Task RequiresAnId(string body)
    {
        var response = await Client.PostRawAsync("customer.update", body);

        EnvelopeAssert.IsValidationError(response, "id");
    }

    [Test]
    public async Task RefusesTooManyTagsAndChangesNothing()
    {
        var id = Id(await CreateAsync());
        var before = await Factory.GetStoredAsync(id);

        var response = await Update(new JsonObject
        {
            ["id"] = id,
            ["tags"] = new JsonArray(Enumerable.Range(0, 51).Select(i => (JsonNode)JsonValue.Create($"t{i}")).ToArray()),
        });

        EnvelopeAssert.IsValidationError(response, "tags");
        Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task UpdatingOneCustomerLeavesOthersAlone()
    {
        var id = Id(await CreateAsync());
        var otherId = Id(await CreateAsync());
        var other = await Factory.GetStoredAsync(otherId);

        EnvelopeAssert.IsCustomer(await Update(new JsonObject { ["id"] = id, ["firstName"] = "Solo", ["tags"] = new JsonArray() }));

        Assert.That(await Factory.GetStoredAsync(otherId), Is.EqualTo(other));
    }

    private Task<ApiResponse> Update(JsonObject body) => Client.PostAsync("customer.update", body);

    private async Task<JsonObject> Info(string id) =>
        EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.info", new JsonObject { ["id"] = id }));

    private static string Id(JsonObject customer) => customer["id"]!.GetValue<string>();

    private static IEnumerable<string> Tags(JsonObject customer) => customer["tags"]!.AsArray().Select(t => t!.GetValue<string>());

    private static DateTime Timestamp(JsonObject customer, string key) =>
        DateTime.Parse(customer[key]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
