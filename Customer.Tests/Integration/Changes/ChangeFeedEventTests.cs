using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration.Changes;

/// <summary>What customer.changes holds after each kind of change: one CloudEvent per stored version, exactly as specified.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class ChangeFeedEventTests(DatabaseKind database) : HttpFixture(database)
{
    private string _start = null!;

    [SetUp]
    public async Task SkipWhatEarlierTestsWrote() => _start = (await Client.ReadToEndAsync()).Next;

    [Test]
    public async Task EveryStoredVersionHasOneEventInVersionOrderWithTheCustomerAsInfoShowsIt()
    {
        var infos = new List<JsonObject>();
        var id = await Client.CreateCustomerAsync();
        infos.Add(await InfoAsync(id));
        ApiAssert.Success(await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Renamed", ["tags"] = new JsonArray("a") }));
        infos.Add(await InfoAsync(id));
        var address = await Client.PostAsync("customer.address.create", new JsonObject { ["customerId"] = id, ["address"] = CustomerRequests.Address() });
        ApiAssert.Success(address);
        infos.Add(await InfoAsync(id));
        ApiAssert.Success(await Client.PostAsync("customer.remove", new JsonObject { ["id"] = id }));

        var changes = (await Client.ReadUntilAsync(_start, all => all.Of(id).Count >= 4)).Changes.Of(id);

        Assert.That(changes.Select(c => c["type"]!.GetValue<string>()),
            Is.EqualTo(new[] { "customer.created", "customer.updated", "customer.updated", "customer.removed" }));
        using (Assert.EnterMultipleScope())
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.That(JsonNode.DeepEquals(changes[i]["data"]!["customer"], infos[i]), Is.True,
                    $"event {i}'s customer must be customer.info's at that version:\n{changes[i]["data"]!["customer"]}\n{infos[i]}");
            }

            Assert.That(changes[0]["data"]!.AsObject().ContainsKey("changed"), Is.False, "a creation lists no changed fields");
            Assert.That(changes[1]["data"]!["changed"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EquivalentTo(new[] { "firstName", "tags" }));
            Assert.That(changes[2]["data"]!["changed"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EqualTo(new[] { "addresses" }));
            Assert.That(JsonNode.DeepEquals(changes[3]["data"], new JsonObject { ["id"] = id, ["version"] = 3 }), Is.True, changes[3].ToJsonString());
            Assert.That(changes.Select(ChangeFeedReader.VersionOf), Is.EqualTo(new[] { 1, 2, 3, 3 }));
        }
    }

    [Test]
    public async Task EachEventHasTheCloudEventsAttributes()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var id = await Client.CreateCustomerAsync();

        var change = (await Client.ReadUntilAsync(_start, all => all.Of(id).Count > 0)).Changes.Of(id).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(change["specversion"]!.GetValue<string>(), Is.EqualTo("1.0"));
            Assert.That(Guid.TryParse(change["id"]!.GetValue<string>(), out _), Is.True, "the id is a GUID");
            Assert.That(change["source"]!.GetValue<string>(), Is.EqualTo("/services/customer"));
            Assert.That(change["type"]!.GetValue<string>(), Is.EqualTo("customer.created"));
            Assert.That(change["subject"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(change["datacontenttype"]!.GetValue<string>(), Is.EqualTo("application/json"));
            var time = change["time"]!.GetValue<string>();
            Assert.That(time, Does.EndWith("Z"), "UTC");
            var parsed = DateTime.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            Assert.That(parsed, Is.InRange(before, DateTime.UtcNow.AddSeconds(1)));
        }
    }

    [Test]
    public async Task TheSourceIsMessagingSourceWhenSet()
    {
        using var factory = new CustomerApiFactory(Database, new Dictionary<string, string> { ["Messaging:Source"] = "https://shop.example.com/customers" });
        using var client = factory.CreateApiClient();
        var id = await client.CreateCustomerAsync();

        var change = (await client.ReadUntilAsync(null, all => all.Of(id).Count > 0)).Changes.Of(id).Single();

        Assert.That(change["source"]!.GetValue<string>(), Is.EqualTo("https://shop.example.com/customers"));
    }

    [Test]
    public async Task NoEventCarriesThePasswordOrItsHash()
    {
        var body = CustomerRequests.Create();
        var password = body["password"]!.GetValue<string>();
        var id = await Client.CreateCustomerAsync(body);
        ApiAssert.Success(await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["lastName"] = "Other" }));
        var hash = (await Factory.GetStoredAsync(id)).PasswordHash;

        var text = string.Join("\n", (await Client.ReadUntilAsync(_start, all => all.Of(id).Count >= 2)).Changes.Of(id).Select(c => c.ToJsonString()));

        Assert.That(text, Does.Not.Contain(password).And.Not.Contain(hash).And.Not.Contain("password").IgnoreCase);
    }

    [Test]
    public async Task APasswordChangeAndAResetAreUpdatesOfPasswordWithNoSecretInThem()
    {
        var body = CustomerRequests.Create();
        var id = await Client.CreateCustomerAsync(body);
        ApiAssert.Success(await Client.PostAsync("customer.password.change",
            new JsonObject { ["id"] = id, ["password"] = body["password"]!.DeepClone(), ["newPassword"] = "a brand new secret 1" }));
        var reset = await Client.PostAsync("customer.password.resetToken", new JsonObject { ["email"] = body["email"]!.DeepClone() });
        ApiAssert.Success(reset);
        var token = reset.Body["token"]!.GetValue<string>();
        ApiAssert.Success(await Client.PostAsync("customer.password.reset", new JsonObject { ["token"] = token, ["newPassword"] = "a brand new secret 2" }));
        var hash = (await Factory.GetStoredAsync(id)).PasswordHash;

        var changes = (await Client.ReadUntilAsync(_start, all => all.Of(id).Count >= 3)).Changes.Of(id);

        Assert.That(changes.Skip(1).Select(c => c["data"]!["changed"]!.ToJsonString()), Is.EqualTo(new[] { "[\"password\"]", "[\"password\"]" }));
        Assert.That(changes.Select(ChangeFeedReader.VersionOf), Is.EqualTo(new[] { 1, 2, 3 }));
        var text = string.Join("\n", changes.Select(c => c.ToJsonString()));
        Assert.That(text, Does.Not.Contain("secret").And.Not.Contain(hash).And.Not.Contain(token));
    }

    [Test]
    public async Task AChangeThatChangesNothingHasNoEvent()
    {
        var id = await Client.CreateCustomerAsync();
        var info = await InfoAsync(id);

        ApiAssert.Success(await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = info["firstName"]!.DeepClone() }));
        var unknown = await Client.PostAsync("customer.update", new JsonObject { ["id"] = "no-such-customer", ["firstName"] = "X" });
        ApiAssert.Error(unknown, HttpStatusCode.NotFound, "customer_not_found");

        var marker = await Client.CreateCustomerAsync();

        var changes = (await Client.ReadUntilAsync(_start, all => all.Of(marker).Count > 0)).Changes;
        Assert.That(changes.Select(c => c["subject"]!.GetValue<string>()), Is.EqualTo(new[] { id, marker }), "only the creations");
    }

    [Test]
    public async Task ARefusedChangeHasNoEvent()
    {
        var id = await Client.CreateCustomerAsync();

        var stale = await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "X", ["version"] = 7 });
        ApiAssert.Error(stale, HttpStatusCode.Conflict, "version_conflict");
        var invalid = await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "" });
        ApiAssert.Error(invalid, HttpStatusCode.BadRequest, "validation_error");

        var marker = await Client.CreateCustomerAsync();

        var changes = (await Client.ReadUntilAsync(_start, all => all.Of(marker).Count > 0)).Changes;
        Assert.That(changes.Of(id), Has.Count.EqualTo(1));
    }

    private async Task<JsonObject> InfoAsync(string id)
    {
        var response = await Client.PostAsync("customer.info", new JsonObject { ["id"] = id });
        ApiAssert.Success(response);
        return response.Customer;
    }
}
