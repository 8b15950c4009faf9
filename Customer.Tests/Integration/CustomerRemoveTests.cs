using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Integration;

/// <summary>customer.remove over HTTP; every test works on customers of its own.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class CustomerRemoveTests(DatabaseKind database) : HttpFixture(database)
{
    [Test]
    public async Task RemovingAnswersExactlyOkTrueAndTheCustomerIsGone()
    {
        var id = await Client.CreateCustomerAsync();

        var response = await Client.PostAsync("customer.remove", new JsonObject { ["id"] = id });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        ApiAssert.BodyIs(response, new JsonObject { ["ok"] = true });
        var info = await Client.PostAsync("customer.info", new JsonObject { ["id"] = id });
        ApiAssert.Error(info, HttpStatusCode.NotFound, "customer_not_found");
        var list = await Client.PostAsync("customer.list", new JsonObject { ["id"] = id });
        Assert.That(ApiAssert.Ids(list), Is.Empty);
    }

    [Test]
    public async Task OtherCustomersAreUntouched()
    {
        var keep = await Client.CreateCustomerAsync();
        var before = await Client.PostAsync("customer.info", new JsonObject { ["id"] = keep });
        var remove = await Client.CreateCustomerAsync();

        ApiAssert.Success(await Client.PostAsync("customer.remove", new JsonObject { ["id"] = remove }));

        var after = await Client.PostAsync("customer.info", new JsonObject { ["id"] = keep });
        ApiAssert.Success(after);
        Assert.That(after.Text, Is.EqualTo(before.Text));
    }

    [Test]
    public async Task AnUnknownIdIsCustomerNotFoundNamingTheId()
    {
        var response = await Client.PostAsync("customer.remove", new JsonObject { ["id"] = "no-such-customer" });

        ApiAssert.Error(response, HttpStatusCode.NotFound, "customer_not_found");
        Assert.That(response.Data!.ToJsonString(), Is.EqualTo("{\"id\":\"no-such-customer\"}"));
    }

    [Test]
    public async Task RemovingTwiceIsCustomerNotFoundTheSecondTime()
    {
        var id = await Client.CreateCustomerAsync();
        ApiAssert.Success(await Client.PostAsync("customer.remove", new JsonObject { ["id"] = id }));

        var again = await Client.PostAsync("customer.remove", new JsonObject { ["id"] = id });

        ApiAssert.Error(again, HttpStatusCode.NotFound, "customer_not_found");
        Assert.That(again.Data!["id"]!.GetValue<string>(), Is.EqualTo(id));
    }

    [Test]
    public async Task TheAddressesGoWithTheCustomer()
    {
        var body = CustomerRequests.Create();
        body["addresses"] = new JsonArray(CustomerRequests.Address(), CustomerRequests.Address());
        var id = await Client.CreateCustomerAsync(body);
        var other = await Client.CreateCustomerAsync();
        Assert.That(await AddressRowsAsync(id), Is.EqualTo(2), "the addresses should be stored before the removal");

        ApiAssert.Success(await Client.PostAsync("customer.remove", new JsonObject { ["id"] = id }));

        Assert.That(await AddressRowsAsync(id), Is.Zero);
        Assert.That(await AddressRowsAsync(other), Is.EqualTo(1), "another customer's address must stay");
        Assert.That(await Factory.WithDatabaseAsync(db => db.Customers.CountAsync(c => c.Id == id)), Is.Zero);
    }

    [Test]
    public async Task TheEmailIsFreeAgainInAnyCase()
    {
        var email = CustomerRequests.UniqueEmail("reused");
        var id = await Client.CreateCustomerAsync(CustomerRequests.Create(email));
        var duplicate = await Client.PostAsync("customer.create", CustomerRequests.Create(email.ToUpperInvariant()));
        ApiAssert.Error(duplicate, HttpStatusCode.Conflict, "duplicate_key");

        ApiAssert.Success(await Client.PostAsync("customer.remove", new JsonObject { ["id"] = id }));

        var recreated = await Client.PostAsync("customer.create", CustomerRequests.Create(email.ToUpperInvariant()));
        ApiAssert.Success(recreated);
        Assert.That(recreated.Customer["id"]!.GetValue<string>(), Is.Not.EqualTo(id));
    }

    [Test]
    public async Task TheSameEmailCanBeRegisteredAgainAfterRemoval()
    {
        var email = CustomerRequests.UniqueEmail("again");
        var id = await Client.CreateCustomerAsync(CustomerRequests.Create(email));
        ApiAssert.Success(await Client.PostAsync("customer.remove", new JsonObject { ["id"] = id }));

        var recreated = await Client.PostAsync("customer.create", CustomerRequests.Create(email));

        ApiAssert.Success(recreated);
    }

    [TestCase("{}")]
    [TestCase("{\"id\":\"\"}")]
    [TestCase("{\"id\":null}")]
    [TestCase("{\"id\":42}")]
    public async Task AMissingOrBadIdIsAValidationError(string body)
    {
        var response = await Client.PostRawAsync("customer.remove", body);

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        Assert.That(response.ErrorFields, Does.Contain("id"));
    }

    [Test]
    public async Task AnUnknownArgumentIsAValidationErrorAndNothingIsRemoved()
    {
        var id = await Client.CreateCustomerAsync();

        var response = await Client.PostAsync("customer.remove", new JsonObject { ["id"] = id, ["force"] = true });

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        ApiAssert.Success(await Client.PostAsync("customer.info", new JsonObject { ["id"] = id }));
    }

    private Task<int> AddressRowsAsync(string customerId) =>
        Factory.WithDatabaseAsync(db => db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"CustomerAddresses\" WHERE \"CustomerId\" = {customerId}")
            .SingleAsync());
}
