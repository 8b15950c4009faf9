using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Integration;

[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class CustomerCreateTests(DatabaseKind database) : HttpFixture(database)
{
    [Test]
    public async Task ReturnsTheCustomerInTheContractShape()
    {
        var body = CustomerRequests.Create();
        var email = body["email"]!.GetValue<string>();

        var customer = await CreateAsync(body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer["email"]!.GetValue<string>(), Is.EqualTo(email));
            Assert.That(customer["firstName"]!.GetValue<string>(), Is.EqualTo("John"));
            Assert.That(customer["lastName"]!.GetValue<string>(), Is.EqualTo("Doe"));
            Assert.That(customer["status"]!.GetValue<string>(), Is.EqualTo("ACTIVE"));
            Assert.That(customer["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "VIP" }));
            Assert.That(customer["id"]!.GetValue<string>(), Does.Match("^[A-Za-z0-9_-]+$"), "ids are URL-safe");
            Assert.That(customer["version"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(customer["createdAt"]!.GetValue<string>(), Is.EqualTo(customer["updatedAt"]!.GetValue<string>()));
        }

        var address = customer["addresses"]!.AsArray().Single()!.AsObject();
        var sent = CustomerRequests.Address();
        foreach (var key in EnvelopeAssert.AddressKeys.Where(k => k is not "id" and not "phone"))
        {
            Assert.That(address[key]!.GetValue<string>(), Is.EqualTo(sent[key]!.GetValue<string>()), key);
        }

        Assert.That(address["phone"]!.GetValue<string>(), Is.EqualTo("2173203531"), "a phone sent as a number comes back as a string");
        Assert.That(address["id"]!.GetValue<string>(), Does.Match("^[A-Za-z0-9_-]+$"));
    }

    [Test]
    public async Task PersistsWhatItReturns()
    {
        var body = CustomerRequests.Create();
        var created = await CreateAsync(body);
        var id = created["id"]!.GetValue<string>();

        var info = EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.info", new JsonObject { ["id"] = id }));
        Assert.That(JsonNode.DeepEquals(info, created), Is.True, $"info {info.ToJsonString()} differs from create {created.ToJsonString()}");

        var stored = await Factory.GetStoredAsync(id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Email, Is.EqualTo(body["email"]!.GetValue<string>()));
            Assert.That(stored.FirstName, Is.EqualTo("John"));
            Assert.That(stored.LastName, Is.EqualTo("Doe"));
            Assert.That(stored.Status, Is.EqualTo("ACTIVE"));
            Assert.That(stored.Tags, Is.EqualTo(new[] { "VIP" }));
            Assert.That(stored.Version, Is.EqualTo(1));
            Assert.That(stored.PasswordHash, Is.Not.Empty);
            Assert.That(stored.PasswordHash, Does.Not.Contain("correct horse battery"), "the password is stored only as a hash");
            Assert.That(stored.CreatedAt, Is.EqualTo(DateTime.Parse(created["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        var addresses = await Factory.WithDatabaseAsync(db =>
            db.Customers.AsNoTracking().Where(c => c.Id == id).SelectMany(c => c.Addresses).ToListAsync());
        var address = addresses.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(address.Id, Is.EqualTo(created["addresses"]![0]!["id"]!.GetValue<string>()));
            Assert.That(address.Address1, Is.EqualTo("1650 Bolman Court"));
            Assert.That(address.Address2, Is.EqualTo("Number 10"));
            Assert.That(address.Phone, Is.EqualTo("2173203531"));
            Assert.That(address.City, Is.EqualTo("Bloomington"));
        }
    }

    [Test]
    public async Task DefaultsStatusToActiveAndAcceptsMinimalBodies()
    {
        var body = CustomerRequests.Create();
        body.Remove("status");
        body.Remove("tags");
        body.Remove("addresses");

        var customer = await CreateAsync(body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer["status"]!.GetValue<string>(), Is.EqualTo("ACTIVE"));
            Assert.That(customer["tags"]!.AsArray(), Is.Empty);
            Assert.That(customer["addresses"]!.AsArray(), Is.Empty);
        }
    }

    [Test]
    public async Task KeepsInactiveStatusAndCollapsesDuplicateTags()
    {
        var body = CustomerRequests.Create();
        body["status"] = "INACTIVE";
        body["tags"] = new JsonArray("VIP", "B2B", "VIP");

        var customer = await CreateAsync(body);

        Assert.That(customer["status"]!.GetValue<string>(), Is.EqualTo("INACTIVE"));
        Assert.That(customer["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "VIP", "B2B" }));
        var stored = await Factory.GetStoredAsync(customer["id"]!.GetValue<string>());
        Assert.That(stored.Tags, Is.EqualTo(new[] { "VIP", "B2B" }));
    }

    [Test]
    public async Task KeepsAPhoneSentAsTextAsWritten()
    {
        var body = CustomerRequests.Create();
        body["addresses"]![0]!["phone"] = "+44 0113 496 0000";

        var customer = await CreateAsync(body);

        Assert.That(customer["addresses"]![0]!["phone"]!.GetValue<string>(), Is.EqualTo("+44 0113 496 0000"));
    }

    [Test]
    public async Task RefusesAnEmailTakenInAnyCase()
    {
        var email = CustomerRequests.UniqueEmail("Taken");
        await CreateAsync(CustomerRequests.Create(email));
        var upper = email.ToUpperInvariant();

        var response = await Client.PostAsync("customer.create", CustomerRequests.Create(upper));

        EnvelopeAssert.IsExactly(response, HttpStatusCode.Conflict,
            new JsonObject { ["ok"] = false, ["error"] = "duplicate_key", ["data"] = new JsonObject { ["index"] = "email", ["value"] = upper } }.ToJsonString());
        Assert.That(await Factory.CountWithEmailAsync(email), Is.EqualTo(1));
    }

    [Test]
    public async Task RefusesAnInvalidEmailAloneAsCustomerInvalidEmail()
    {
        var body = CustomerRequests.Create("not-an-email");
        var before = await Factory.CountCustomersAsync();

        var response = await Client.PostAsync("customer.create", body);

        EnvelopeAssert.IsInvalidEmail(response);
        Assert.That(await Factory.CountCustomersAsync(), Is.EqualTo(before));
    }

    [TestCase("")]
    [TestCase("a@b")]
    [TestCase("two@@example.com")]
    [TestCase("spaces in@example.com")]
    [TestCase("@example.com")]
    public async Task RefusesMalformedEmails(string email)
    {
        var response = await Client.PostAsync("customer.create", CustomerRequests.Create(email));

        EnvelopeAssert.IsInvalidEmail(response);
    }

    [Test]
    public async Task ReportsAnInvalidEmailAmongOtherProblemsAsAValidationError()
    {
        var body = CustomerRequests.Create("not-an-email");
        body["firstName"] = "";

        var response = await Client.PostAsync("customer.create", body);

        var fields = EnvelopeAssert.IsValidationError(response, "email", "firstName");
        Assert.That(fields, Has.Count.EqualTo(2), response.Text);
    }

    [Test]
    public async Task ReportsEveryMissingFieldAtOnce()
    {
        var before = await Factory.CountCustomersAsync();

        var response = await Client.PostRawAsync("customer.create", "{}");

        EnvelopeAssert.IsValidationError(response, "email", "password", "firstName", "lastName");
        Assert.That(await Factory.CountCustomersAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task ReportsEveryAddressProblemAtOnce()
    {
        var body = CustomerRequests.Create();
        var address = body["addresses"]![0]!.AsObject();
        address.Remove("city");
        address["postCode"] = "   ";
        address["country"] = null;
        var email = body["email"]!.GetValue<string>();

        var response = await Client.PostAsync("customer.create", body);

        EnvelopeAssert.IsValidationError(response, "addresses[0].city", "addresses[0].postCode", "addresses[0].country");
        Assert.That(await Factory.CountWithEmailAsync(email), Is.Zero);
    }

    [TestCase("status", "active")]
    [TestCase("status", "DELETED")]
    [TestCase("firstName", "")]
    [TestCase("lastName", "   ")]
    [TestCase("password", "short")]
    public async Task RefusesFieldsThatBreakTheirRules(string field, string value)
    {
        var body = CustomerRequests.Create();
        body[field] = value;
        var email = body["email"]!.GetValue<string>();

        var response = await Client.PostAsync("customer.create", body);

        var fields = EnvelopeAssert.IsValidationError(response, field);
        Assert.That(fields, Is.EqualTo(new[] { field }), response.Text);
        Assert.That(await Factory.CountWithEmailAsync(email), Is.Zero);
    }

    [Test]
    public async Task RefusesTooManyTags()
    {
        var body = CustomerRequests.Create();
        body["tags"] = new JsonArray(Enumerable.Range(0, 51).Select(i => (JsonNode)JsonValue.Create($"tag{i}")).ToArray());

        var response = await Client.PostAsync("customer.create", body);

        EnvelopeAssert.IsValidationError(response, "tags");
    }

    [Test]
    public async Task RefusesNamesLongerThanTheLimit()
    {
        var body = CustomerRequests.Create();
        body["firstName"] = new string('x', 101);

        var response = await Client.PostAsync("customer.create", body);

        EnvelopeAssert.IsValidationError(response, "firstName");
    }

    [Test]
    public async Task ReturnsDistinctIdsForDistinctCustomers()
    {
        var first = await CreateAsync();
        var second = await CreateAsync();

        Assert.That(first["id"]!.GetValue<string>(), Is.Not.EqualTo(second["id"]!.GetValue<string>()));
        Assert.That(second["addresses"]![0]!["id"]!.GetValue<string>(), Is.Not.EqualTo(first["addresses"]![0]!["id"]!.GetValue<string>()));
    }

    [Test]
    public async Task WritesTimestampsAsUtc()
    {
        var customer = await CreateAsync();

        var createdAt = customer["createdAt"]!.GetValue<string>();
        Assert.That(createdAt, Does.EndWith("Z"), "timestamps carry their UTC designator");
        var parsed = DateTime.Parse(createdAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        Assert.That(parsed, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(5)));
        Assert.That(customer["createdAt"]!.GetValueKind(), Is.EqualTo(JsonValueKind.String));
    }
}
