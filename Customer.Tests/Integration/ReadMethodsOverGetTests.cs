using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Integration;

/// <summary>Read methods answer GET with their arguments in the query string; mutations refuse GET and change nothing.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class ReadMethodsOverGetTests(DatabaseKind database) : HttpFixture(database)
{
    [Test]
    public async Task CustomerInfoOverGetAnswersTheSameAsOverPost()
    {
        var id = await Client.CreateCustomerAsync();

        var post = await Client.PostAsync("customer.info", new JsonObject { ["id"] = id });
        var get = await Client.GetAsync("customer.info", $"id={Uri.EscapeDataString(id)}");

        ApiAssert.Success(get);
        Assert.That(get.Text, Is.EqualTo(post.Text));
    }

    [Test]
    public async Task CustomerInfoOverGetForAnUnknownIdIsCustomerNotFound()
    {
        var response = await Client.GetAsync("customer.info", "id=nobody");

        ApiAssert.Error(response, HttpStatusCode.NotFound, "customer_not_found");
    }

    [TestCase("")]
    [TestCase("id=")]
    [TestCase("id=a&colour=red")]
    [TestCase("id=a&id=b")]
    public async Task CustomerInfoOverGetWithMissingOrBadArgumentsIsAValidationError(string query)
    {
        var response = await Client.GetAsync("customer.info", query);

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
    }

    [Test]
    public async Task CustomerListOverGetAnswersTheSameAsOverPost()
    {
        var tag = $"get-{Guid.NewGuid():N}";
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var body = CustomerRequests.Create();
            body["tags"] = new JsonArray(tag);
            ids.Add(await Client.CreateCustomerAsync(body));
        }

        var post = await Client.PostAsync("customer.list", new JsonObject { ["tags"] = $"{tag},other", ["limit"] = 2, ["skip"] = 1 });
        var get = await Client.GetAsync("customer.list", $"tags={tag},other&limit=2&skip=1");
        var repeated = await Client.GetAsync("customer.list", $"tags={tag}&tags=other&limit=2&skip=1");

        ApiAssert.Success(get);
        Assert.That(ApiAssert.Ids(get), Is.EqualTo(ids.Skip(1).ToList()));
        Assert.That(get.Body["page"]!.ToJsonString(), Is.EqualTo("{\"limit\":2,\"skip\":1,\"total\":3}"));
        Assert.That(get.Text, Is.EqualTo(post.Text));
        Assert.That(repeated.Text, Is.EqualTo(post.Text));
    }

    [TestCase("limit=abc")]
    [TestCase("limit=1.5")]
    [TestCase("skip=x")]
    [TestCase("limit=0")]
    [TestCase("limit=101")]
    [TestCase("limit=1&limit=2")]
    [TestCase("unknown=1")]
    [TestCase("status=NOPE")]
    public async Task CustomerListOverGetWithBadArgumentsIsAValidationError(string query)
    {
        var response = await Client.GetAsync("customer.list", query);

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
    }

    [Test]
    public async Task AddressInfoOverGetAnswersTheSameAsOverPost()
    {
        var created = await Client.PostAsync("customer.create", CustomerRequests.Create());
        var customerId = created.Customer["id"]!.GetValue<string>();
        var addressId = created.Customer["addresses"]![0]!["id"]!.GetValue<string>();

        var post = await Client.PostAsync("customer.address.info", new JsonObject { ["customerId"] = customerId, ["addressId"] = addressId });
        var get = await Client.GetAsync("customer.address.info", $"customerId={Uri.EscapeDataString(customerId)}&addressId={Uri.EscapeDataString(addressId)}");

        ApiAssert.Success(get);
        Assert.That(get.Text, Is.EqualTo(post.Text));
        Assert.That(get.Body["address"]!["id"]!.GetValue<string>(), Is.EqualTo(addressId));
    }

    [TestCase("customerId=nobody&addressId=a", HttpStatusCode.NotFound, "customer_not_found")]
    [TestCase("customerId=nobody", HttpStatusCode.BadRequest, "validation_error")]
    [TestCase("customerId=nobody&addressId=a&extra=1", HttpStatusCode.BadRequest, "validation_error")]
    public async Task AddressInfoOverGetErrors(string query, HttpStatusCode status, string code)
    {
        var response = await Client.GetAsync("customer.address.info", query);

        ApiAssert.Error(response, status, code);
    }

    [Test]
    public async Task CustomerCreateOverGetIsRefusedAndCreatesNothing()
    {
        var email = CustomerRequests.UniqueEmail("get-create");

        var response = await Client.GetAsync(
            "customer.create",
            $"email={Uri.EscapeDataString(email)}&password=correct%20horse%20battery&firstName=John&lastName=Doe");

        ApiAssert.Error(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        var list = await Client.PostAsync("customer.list", new JsonObject { ["email"] = email });
        Assert.That(list.Body["page"]!["total"]!.GetValue<int>(), Is.Zero);
        Assert.That(await Factory.WithDatabaseAsync(db => db.Customers.CountAsync(c => c.NormalizedEmail == email)), Is.Zero);
    }

    [Test]
    public async Task CustomerUpdateOverGetIsRefusedAndChangesNothing()
    {
        var (customer, id, _) = await CreateAsync();

        var response = await Client.GetAsync("customer.update", $"id={Uri.EscapeDataString(id)}&firstName=Changed&status=INACTIVE");

        ApiAssert.Error(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await AssertUnchangedAsync(customer);
    }

    [Test]
    public async Task CustomerRemoveOverGetIsRefusedAndRemovesNothing()
    {
        var (customer, id, _) = await CreateAsync();

        var response = await Client.GetAsync("customer.remove", $"id={Uri.EscapeDataString(id)}");

        ApiAssert.Error(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await AssertUnchangedAsync(customer);
    }

    [Test]
    public async Task AddressCreateOverGetIsRefusedAndAddsNothing()
    {
        var (customer, id, _) = await CreateAsync();

        var response = await Client.GetAsync(
            "customer.address.create",
            $"customerId={Uri.EscapeDataString(id)}&name=Home&firstName=J&address_1=Street&postCode=1&city=C&state=S&country=US");

        ApiAssert.Error(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await AssertUnchangedAsync(customer);
    }

    [Test]
    public async Task AddressUpdateOverGetIsRefusedAndChangesNothing()
    {
        var (customer, id, addressId) = await CreateAsync();

        var response = await Client.GetAsync(
            "customer.address.update",
            $"customerId={Uri.EscapeDataString(id)}&address.id={Uri.EscapeDataString(addressId)}&id={Uri.EscapeDataString(addressId)}&city=Changed");

        ApiAssert.Error(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await AssertUnchangedAsync(customer);
    }

    [Test]
    public async Task AddressRemoveOverGetIsRefusedAndRemovesNothing()
    {
        var (customer, id, addressId) = await CreateAsync();

        var response = await Client.GetAsync("customer.address.remove", $"customerId={Uri.EscapeDataString(id)}&addressId={Uri.EscapeDataString(addressId)}");

        ApiAssert.Error(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await AssertUnchangedAsync(customer);
    }

    [Test]
    public async Task CheckCredentialsOverGetIsRefused()
    {
        var email = CustomerRequests.UniqueEmail("get-login");
        await Client.CreateCustomerAsync(CustomerRequests.Create(email));

        var response = await Client.GetAsync("customer.checkCredentials", $"email={Uri.EscapeDataString(email)}&password=correct%20horse%20battery");

        ApiAssert.Error(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.That(response.Text, Does.Not.Contain("customer"));
    }

    [TestCase("customer.create")]
    [TestCase("customer.update")]
    [TestCase("customer.remove")]
    [TestCase("customer.address.create")]
    [TestCase("customer.address.update")]
    [TestCase("customer.address.remove")]
    [TestCase("customer.checkCredentials")]
    public async Task EveryMutationRefusesGetWithTheEnvelope(string method)
    {
        var response = await Client.GetAsync(method);

        ApiAssert.Error(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        ApiAssert.BodyIs(response, new JsonObject { ["ok"] = false, ["error"] = "method_not_allowed" });
    }

    private async Task<(JsonObject Customer, string Id, string AddressId)> CreateAsync()
    {
        var response = await Client.PostAsync("customer.create", CustomerRequests.Create());
        ApiAssert.Success(response);
        var customer = response.Customer;
        return (customer, customer["id"]!.GetValue<string>(), customer["addresses"]![0]!["id"]!.GetValue<string>());
    }

    private async Task AssertUnchangedAsync(JsonObject customer)
    {
        var info = await Client.PostAsync("customer.info", new JsonObject { ["id"] = customer["id"]!.GetValue<string>() });
        ApiAssert.Success(info);
        Assert.That(info.Customer.ToJsonString(), Is.EqualTo(customer.ToJsonString()), "a refused GET must change nothing");
    }
}
