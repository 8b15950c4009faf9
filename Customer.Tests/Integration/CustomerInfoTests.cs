using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class CustomerInfoTests(DatabaseKind database) : HttpFixture(database)
{
    [Test]
    public async Task ReturnsTheStoredCustomerInTheContractShape()
    {
        var created = await CreateAsync();
        var id = created["id"]!.GetValue<string>();

        var info = EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.info", new JsonObject { ["id"] = id }));

        Assert.That(JsonNode.DeepEquals(info, created), Is.True, $"info {info.ToJsonString()} differs from create {created.ToJsonString()}");
    }

    [Test]
    public async Task ReflectsWhatIsInTheDatabase()
    {
        var id = (await CreateAsync())["id"]!.GetValue<string>();
        var stored = await Factory.GetStoredAsync(id);

        var info = EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.info", new JsonObject { ["id"] = id }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(info["email"]!.GetValue<string>(), Is.EqualTo(stored.Email));
            Assert.That(info["firstName"]!.GetValue<string>(), Is.EqualTo(stored.FirstName));
            Assert.That(info["lastName"]!.GetValue<string>(), Is.EqualTo(stored.LastName));
            Assert.That(info["status"]!.GetValue<string>(), Is.EqualTo(stored.Status));
            Assert.That(info["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(stored.Tags));
            Assert.That(info["version"]!.GetValue<int>(), Is.EqualTo(stored.Version));
        }
    }

    [Test]
    public async Task ReadingChangesNothing()
    {
        var id = (await CreateAsync())["id"]!.GetValue<string>();
        var before = await Factory.GetStoredAsync(id);

        for (var i = 0; i < 3; i++)
        {
            EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.info", new JsonObject { ["id"] = id }));
        }

        Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task AnswersCustomerNotFoundWithTheId()
    {
        const string id = "NoSuchCustomer01";

        var response = await Client.PostAsync("customer.info", new JsonObject { ["id"] = id });

        EnvelopeAssert.IsExactly(response, HttpStatusCode.NotFound, """{"ok":false,"error":"customer_not_found","data":{"id":"NoSuchCustomer01"}}""");
    }

    [TestCase("{}", "id")]
    [TestCase("""{"id":""}""", "id")]
    [TestCase("""{"id":"   "}""", "id")]
    [TestCase("""{"id":null}""", "id")]
    [TestCase("""{"id":42}""", "id")]
    [TestCase("""{"id":["a"]}""", "id")]
    [TestCase("""{"id":"x","email":"a@example.com"}""", "email")]
    public async Task RefusesBadArgumentsAsValidationErrors(string body, string field)
    {
        var response = await Client.PostRawAsync("customer.info", body);

        EnvelopeAssert.IsValidationError(response, field);
    }

    [Test]
    public async Task RefusesAnIdLongerThanAnyIdAsValidationError()
    {
        var response = await Client.PostAsync("customer.info", new JsonObject { ["id"] = new string('a', 65) });

        EnvelopeAssert.IsValidationError(response, "id");
    }
}
