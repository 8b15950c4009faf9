using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Integration;

/// <summary>customer.address.create, .info, .update and .remove over HTTP; every test works on customers of its own.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class CustomerAddressTests(DatabaseKind database) : HttpFixture(database)
{
    private static readonly string[] AddressKeys =
        ["name", "firstName", "lastName", "address_1", "address_2", "postCode", "city", "state", "country", "company", "phone", "instructions", "id"];

    // ---- customer.address.create ----

    [Test]
    public async Task CreatingOneAddressAnswersTheWholeCustomerWithTheNewAddressLast()
    {
        var created = await CreateCustomerAsync(1);
        var address = Address("Home");
        address["city"] = "Springfield";

        var response = await Client.PostAsync("customer.address.create", new JsonObject { ["customerId"] = Id(created), ["address"] = address });

        ApiAssert.Success(response);
        var addresses = Addresses(response.Customer);
        Assert.That(addresses, Has.Count.EqualTo(2));
        Assert.That(addresses[0]["id"]!.GetValue<string>(), Is.EqualTo(AddressIds(created)[0]));
        var added = addresses[1];
        Assert.That(added["id"]!.GetValue<string>(), Is.Not.Empty.And.Not.EqualTo(AddressIds(created)[0]));
        Assert.That(added["name"]!.GetValue<string>(), Is.EqualTo("Home"));
        Assert.That(added["city"]!.GetValue<string>(), Is.EqualTo("Springfield"));
        Assert.That(added["phone"]!.GetValue<string>(), Is.EqualTo("2173203531"), "a numeric phone is kept as text");
        Assert.That(response.Customer["id"]!.GetValue<string>(), Is.EqualTo(Id(created)));
        Assert.That(response.Customer["email"]!.GetValue<string>(), Is.EqualTo(created["email"]!.GetValue<string>()));
        Assert.That(Version(response.Customer), Is.EqualTo(Version(created) + 1));
        Assert.That(response.Customer.ContainsKey("password"), Is.False);
    }

    [Test]
    public async Task CreatingSeveralAddressesAddsThemInTheGivenOrder()
    {
        var created = await CreateCustomerAsync(0);

        var response = await Client.PostAsync("customer.address.create", new JsonObject
        {
            ["customerId"] = Id(created),
            ["addresses"] = new JsonArray(Address("A"), Address("B"), Address("C")),
        });

        ApiAssert.Success(response);
        Assert.That(Names(response.Customer), Is.EqualTo(new[] { "A", "B", "C" }));
        Assert.That(AddressIds(response.Customer).Distinct().Count(), Is.EqualTo(3));
        var info = await InfoAsync(Id(created));
        Assert.That(info.Customer.ToJsonString(), Is.EqualTo(response.Customer.ToJsonString()), "what was answered is what was stored");
    }

    [Test]
    public async Task TheNewAddressIsStored()
    {
        var created = await CreateCustomerAsync(0);

        var response = await Client.PostAsync("customer.address.create", new JsonObject { ["customerId"] = Id(created), ["address"] = Address("Stored") });
        var addressId = AddressIds(response.Customer).Single();

        var info = await Client.PostAsync("customer.address.info", new JsonObject { ["customerId"] = Id(created), ["addressId"] = addressId });
        ApiAssert.Success(info);
        Assert.That(info.Body["address"]!.ToJsonString(), Is.EqualTo(Addresses(response.Customer)[0].ToJsonString()));
    }

    [TestCase("both")]
    [TestCase("neither")]
    [TestCase("empty")]
    public async Task AddressAndAddressesAreExclusiveAndOneIsRequired(string shape)
    {
        var created = await CreateCustomerAsync(1);
        var body = new JsonObject { ["customerId"] = Id(created) };
        if (shape == "both")
        {
            body["address"] = Address("X");
            body["addresses"] = new JsonArray(Address("Y"));
        }
        else if (shape == "empty")
        {
            body["addresses"] = new JsonArray();
        }

        var response = await Client.PostAsync("customer.address.create", body);

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        await AssertUnchangedAsync(created);
    }

    [Test]
    public async Task AnInvalidAddressIsAValidationErrorNamingTheFieldAndNothingIsStored()
    {
        var created = await CreateCustomerAsync(1);
        var address = Address("No city");
        address.Remove("city");

        var response = await Client.PostAsync("customer.address.create", new JsonObject { ["customerId"] = Id(created), ["address"] = address });

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        Assert.That(response.ErrorFields, Does.Contain("address.city"));
        await AssertUnchangedAsync(created);
    }

    [Test]
    public async Task OneInvalidAddressInAListStoresNoneOfThem()
    {
        var created = await CreateCustomerAsync(1);
        var bad = Address("Bad");
        bad["postCode"] = string.Empty;

        var response = await Client.PostAsync("customer.address.create", new JsonObject
        {
            ["customerId"] = Id(created),
            ["addresses"] = new JsonArray(Address("Good"), bad),
        });

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        Assert.That(response.ErrorFields, Does.Contain("addresses[1].postCode"));
        await AssertUnchangedAsync(created);
    }

    [Test]
    public async Task CreatingForAnUnknownCustomerIsCustomerNotFound()
    {
        var response = await Client.PostAsync("customer.address.create", new JsonObject { ["customerId"] = "nobody", ["address"] = Address("X") });

        ApiAssert.Error(response, HttpStatusCode.NotFound, "customer_not_found");
        Assert.That(response.Data!.ToJsonString(), Is.EqualTo("{\"id\":\"nobody\"}"));
    }

    [Test]
    public async Task ACustomerCanHaveTwentyAddressesButNotTwentyOne()
    {
        var created = await CreateCustomerAsync(1);
        var nineteen = new JsonArray([.. Enumerable.Range(2, 19).Select(i => (JsonNode?)Address($"A{i}"))]);

        var twenty = await Client.PostAsync("customer.address.create", new JsonObject { ["customerId"] = Id(created), ["addresses"] = nineteen });
        ApiAssert.Success(twenty);
        Assert.That(Addresses(twenty.Customer), Has.Count.EqualTo(20));

        var twentyFirst = await Client.PostAsync("customer.address.create", new JsonObject { ["customerId"] = Id(created), ["address"] = Address("A21") });

        ApiAssert.Error(twentyFirst, HttpStatusCode.BadRequest, "validation_error");
        var info = await InfoAsync(Id(created));
        Assert.That(info.Customer.ToJsonString(), Is.EqualTo(twenty.Customer.ToJsonString()), "nothing may be stored");
        Assert.That(await AddressRowsAsync(Id(created)), Is.EqualTo(20));
    }

    [Test]
    public async Task AListThatWouldPassTwentyStoresNoneOfIt()
    {
        var created = await CreateCustomerAsync(18);

        var response = await Client.PostAsync("customer.address.create", new JsonObject
        {
            ["customerId"] = Id(created),
            ["addresses"] = new JsonArray(Address("X"), Address("Y"), Address("Z")),
        });

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        await AssertUnchangedAsync(created);
        Assert.That(await AddressRowsAsync(Id(created)), Is.EqualTo(18));
    }

    [Test]
    public async Task TwentyOneAddressesInOneRequestAreRefused()
    {
        var created = await CreateCustomerAsync(0);
        var many = new JsonArray([.. Enumerable.Range(1, 21).Select(i => (JsonNode?)Address($"A{i}"))]);

        var response = await Client.PostAsync("customer.address.create", new JsonObject { ["customerId"] = Id(created), ["addresses"] = many });

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        await AssertUnchangedAsync(created);
    }

    // ---- customer.address.info ----

    [Test]
    public async Task InfoAnswersTheAddressWithItsKeysInContractOrder()
    {
        var created = await CreateCustomerAsync(2);
        var second = Addresses(created)[1];

        var response = await Client.PostAsync("customer.address.info", new JsonObject
        {
            ["customerId"] = Id(created),
            ["addressId"] = second["id"]!.GetValue<string>(),
        });

        ApiAssert.Success(response);
        Assert.That(response.Body.Select(p => p.Key), Is.EqualTo(new[] { "ok", "address" }));
        var address = response.Body["address"]!.AsObject();
        Assert.That(address.Select(p => p.Key), Is.EqualTo(AddressKeys));
        Assert.That(address.ToJsonString(), Is.EqualTo(second.ToJsonString()));
        Assert.That(address["address_1"]!.GetValue<string>(), Is.EqualTo("1650 Bolman Court"));
        Assert.That(address["address_2"]!.GetValue<string>(), Is.EqualTo("Number 10"));
        Assert.That(address["postCode"]!.GetValue<string>(), Is.EqualTo("61701"));
    }

    [Test]
    public async Task InfoOverGetAnswersTheSameAsOverPost()
    {
        var created = await CreateCustomerAsync(1);
        var addressId = AddressIds(created)[0];

        var post = await Client.PostAsync("customer.address.info", new JsonObject { ["customerId"] = Id(created), ["addressId"] = addressId });
        var get = await Client.GetAsync("customer.address.info", $"customerId={Uri.EscapeDataString(Id(created))}&addressId={Uri.EscapeDataString(addressId)}");

        ApiAssert.Success(get);
        Assert.That(get.Text, Is.EqualTo(post.Text));
    }

    [Test]
    public async Task InfoOverGetForAnUnknownAddressIsCustomerAddressNotFound()
    {
        var created = await CreateCustomerAsync(1);

        var response = await Client.GetAsync("customer.address.info", $"customerId={Uri.EscapeDataString(Id(created))}&addressId=missing");

        ApiAssert.Error(response, HttpStatusCode.NotFound, "customer_address_not_found");
    }

    [Test]
    public async Task InfoForAnUnknownCustomerIsCustomerNotFound()
    {
        var response = await Client.PostAsync("customer.address.info", new JsonObject { ["customerId"] = "nobody", ["addressId"] = "x" });

        ApiAssert.Error(response, HttpStatusCode.NotFound, "customer_not_found");
        Assert.That(response.Data!.ToJsonString(), Is.EqualTo("{\"id\":\"nobody\"}"));
    }

    [Test]
    public async Task InfoForAnUnknownAddressIsCustomerAddressNotFoundNamingBothIds()
    {
        var created = await CreateCustomerAsync(1);

        var response = await Client.PostAsync("customer.address.info", new JsonObject { ["customerId"] = Id(created), ["addressId"] = "missing" });

        ApiAssert.Error(response, HttpStatusCode.NotFound, "customer_address_not_found");
        ApiAssert.BodyIs(response, new JsonObject
        {
            ["ok"] = false,
            ["error"] = "customer_address_not_found",
            ["data"] = new JsonObject { ["customerId"] = Id(created), ["addressId"] = "missing" },
        });
    }

    [Test]
    public async Task AnotherCustomersAddressIsNotFound()
    {
        var mine = await CreateCustomerAsync(1);
        var theirs = await CreateCustomerAsync(1);
        var theirAddress = AddressIds(theirs)[0];

        var info = await Client.PostAsync("customer.address.info", new JsonObject { ["customerId"] = Id(mine), ["addressId"] = theirAddress });
        var update = await Client.PostAsync("customer.address.update", new JsonObject
        {
            ["customerId"] = Id(mine),
            ["address"] = new JsonObject { ["id"] = theirAddress, ["city"] = "Hijacked" },
        });
        var remove = await Client.PostAsync("customer.address.remove", new JsonObject { ["customerId"] = Id(mine), ["addressId"] = theirAddress });

        ApiAssert.Error(info, HttpStatusCode.NotFound, "customer_address_not_found");
        ApiAssert.Error(update, HttpStatusCode.NotFound, "customer_address_not_found");
        ApiAssert.Error(remove, HttpStatusCode.NotFound, "customer_address_not_found");
        await AssertUnchangedAsync(mine);
        await AssertUnchangedAsync(theirs);
    }

    [TestCase("customer.address.info", "{\"customerId\":\"c\"}", "addressId")]
    [TestCase("customer.address.info", "{\"addressId\":\"a\"}", "customerId")]
    [TestCase("customer.address.info", "{\"customerId\":\"\",\"addressId\":\"a\"}", "customerId")]
    [TestCase("customer.address.remove", "{\"customerId\":\"c\"}", "addressId")]
    [TestCase("customer.address.remove", "{\"addressId\":\"a\"}", "customerId")]
    [TestCase("customer.address.update", "{\"customerId\":\"c\"}", "address")]
    [TestCase("customer.address.update", "{\"customerId\":\"c\",\"address\":{\"city\":\"X\"}}", "address.id")]
    [TestCase("customer.address.update", "{\"address\":{\"id\":\"a\",\"city\":\"X\"}}", "customerId")]
    [TestCase("customer.address.create", "{\"address\":{}}", "customerId")]
    public async Task MissingIdsAreValidationErrors(string method, string body, string field)
    {
        var response = await Client.PostRawAsync(method, body);

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        Assert.That(response.ErrorFields, Does.Contain(field));
    }

    // ---- customer.address.update ----

    [Test]
    public async Task UpdateChangesOnlyTheGivenFieldsAndAnswersTheWholeCustomer()
    {
        var created = await CreateCustomerAsync(2);
        var before = Addresses(created)[0];

        var response = await Client.PostAsync("customer.address.update", new JsonObject
        {
            ["customerId"] = Id(created),
            ["address"] = new JsonObject { ["id"] = before["id"]!.GetValue<string>(), ["city"] = "Peoria", ["phone"] = 5551234 },
        });

        ApiAssert.Success(response);
        var expected = before.DeepClone().AsObject();
        expected["city"] = "Peoria";
        expected["phone"] = "5551234";
        Assert.That(Addresses(response.Customer)[0].ToJsonString(), Is.EqualTo(expected.ToJsonString()));
        Assert.That(Addresses(response.Customer)[1].ToJsonString(), Is.EqualTo(Addresses(created)[1].ToJsonString()), "the other address is untouched");
        Assert.That(response.Customer["email"]!.GetValue<string>(), Is.EqualTo(created["email"]!.GetValue<string>()));
        Assert.That(Version(response.Customer), Is.EqualTo(Version(created) + 1));
        Assert.That((await InfoAsync(Id(created))).Customer.ToJsonString(), Is.EqualTo(response.Customer.ToJsonString()));
    }

    [Test]
    public async Task NullMeansUnchangedAndAnEmptyStringClearsAnOptionalField()
    {
        var created = await CreateCustomerAsync(1);
        var before = Addresses(created)[0];

        var response = await Client.PostAsync("customer.address.update", new JsonObject
        {
            ["customerId"] = Id(created),
            ["address"] = new JsonObject
            {
                ["id"] = before["id"]!.GetValue<string>(),
                ["name"] = null,
                ["city"] = null,
                ["company"] = string.Empty,
                ["address_2"] = string.Empty,
                ["instructions"] = "Ring twice",
            },
        });

        ApiAssert.Success(response);
        var after = Addresses(response.Customer)[0];
        Assert.That(after["name"]!.GetValue<string>(), Is.EqualTo(before["name"]!.GetValue<string>()));
        Assert.That(after["city"]!.GetValue<string>(), Is.EqualTo(before["city"]!.GetValue<string>()));
        Assert.That(after["company"], Is.Null, "an empty string clears company");
        Assert.That(after["address_2"], Is.Null, "an empty string clears address_2");
        Assert.That(after["instructions"]!.GetValue<string>(), Is.EqualTo("Ring twice"));
        Assert.That(after["phone"]!.GetValue<string>(), Is.EqualTo(before["phone"]!.GetValue<string>()));
        Assert.That(after.Select(p => p.Key), Is.EqualTo(AddressKeys), "cleared fields stay on the wire as null");
        Assert.That(Version(response.Customer), Is.EqualTo(Version(created) + 1));
    }

    [TestCase("name")]
    [TestCase("firstName")]
    [TestCase("address_1")]
    [TestCase("postCode")]
    [TestCase("city")]
    [TestCase("state")]
    [TestCase("country")]
    public async Task ARequiredFieldCannotBeBlanked(string field)
    {
        var created = await CreateCustomerAsync(1);

        var response = await Client.PostAsync("customer.address.update", new JsonObject
        {
            ["customerId"] = Id(created),
            ["address"] = new JsonObject { ["id"] = AddressIds(created)[0], [field] = string.Empty },
        });

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        Assert.That(response.ErrorFields, Does.Contain($"address.{field}"));
        await AssertUnchangedAsync(created);
    }

    [Test]
    public async Task AnUpdateThatChangesNothingKeepsTheVersion()
    {
        var created = await CreateCustomerAsync(1);
        var address = Addresses(created)[0];

        var same = await Client.PostAsync("customer.address.update", new JsonObject
        {
            ["customerId"] = Id(created),
            ["address"] = new JsonObject { ["id"] = address["id"]!.GetValue<string>(), ["city"] = address["city"]!.GetValue<string>() },
        });
        var onlyId = await Client.PostAsync("customer.address.update", new JsonObject
        {
            ["customerId"] = Id(created),
            ["address"] = new JsonObject { ["id"] = address["id"]!.GetValue<string>() },
        });

        ApiAssert.Success(same);
        ApiAssert.Success(onlyId);
        Assert.That(Version(same.Customer), Is.EqualTo(Version(created)));
        Assert.That(Version(onlyId.Customer), Is.EqualTo(Version(created)));
        await AssertUnchangedAsync(created);
    }

    [Test]
    public async Task TheVersionGrowsByOnePerEffectiveChange()
    {
        var created = await CreateCustomerAsync(1);
        var addressId = AddressIds(created)[0];
        var version = Version(created);

        var add = await Client.PostAsync("customer.address.create", new JsonObject { ["customerId"] = Id(created), ["addresses"] = new JsonArray(Address("P"), Address("Q")) });
        var update = await Client.PostAsync("customer.address.update", new JsonObject
        {
            ["customerId"] = Id(created),
            ["address"] = new JsonObject { ["id"] = addressId, ["city"] = "Chicago", ["state"] = "IL", ["company"] = string.Empty },
        });
        var remove = await Client.PostAsync("customer.address.remove", new JsonObject { ["customerId"] = Id(created), ["addressId"] = addressId });

        Assert.That(Version(add.Customer), Is.EqualTo(version + 1), "several addresses in one call are one change");
        Assert.That(Version(update.Customer), Is.EqualTo(version + 2), "several fields in one call are one change");
        Assert.That(Version(remove.Customer), Is.EqualTo(version + 3));
        Assert.That(Version((await InfoAsync(Id(created))).Customer), Is.EqualTo(version + 3));
    }

    [Test]
    public async Task UpdatingForAnUnknownCustomerIsCustomerNotFound()
    {
        var response = await Client.PostAsync("customer.address.update", new JsonObject
        {
            ["customerId"] = "nobody",
            ["address"] = new JsonObject { ["id"] = "a", ["city"] = "X" },
        });

        ApiAssert.Error(response, HttpStatusCode.NotFound, "customer_not_found");
        Assert.That(response.Data!.ToJsonString(), Is.EqualTo("{\"id\":\"nobody\"}"));
    }

    [Test]
    public async Task UpdatingAnUnknownAddressIsCustomerAddressNotFoundNamingBothIds()
    {
        var created = await CreateCustomerAsync(1);

        var response = await Client.PostAsync("customer.address.update", new JsonObject
        {
            ["customerId"] = Id(created),
            ["address"] = new JsonObject { ["id"] = "missing", ["city"] = "X" },
        });

        ApiAssert.Error(response, HttpStatusCode.NotFound, "customer_address_not_found");
        Assert.That(response.Data!.ToJsonString(), Is.EqualTo($"{{\"customerId\":\"{Id(created)}\",\"addressId\":\"missing\"}}"));
        await AssertUnchangedAsync(created);
    }

    [Test]
    public async Task AnUnknownAddressFieldIsAValidationError()
    {
        var created = await CreateCustomerAsync(1);

        var response = await Client.PostAsync("customer.address.update", new JsonObject
        {
            ["customerId"] = Id(created),
            ["address"] = new JsonObject { ["id"] = AddressIds(created)[0], ["planet"] = "Mars" },
        });

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        await AssertUnchangedAsync(created);
    }

    // ---- customer.address.remove ----

    [Test]
    public async Task RemoveAnswersTheWholeCustomerWithoutTheAddress()
    {
        var created = await CreateCustomerAsync(3);
        var ids = AddressIds(created);

        var response = await Client.PostAsync("customer.address.remove", new JsonObject { ["customerId"] = Id(created), ["addressId"] = ids[1] });

        ApiAssert.Success(response);
        Assert.That(AddressIds(response.Customer), Is.EqualTo(new[] { ids[0], ids[2] }));
        Assert.That(response.Customer["id"]!.GetValue<string>(), Is.EqualTo(Id(created)));
        Assert.That(Version(response.Customer), Is.EqualTo(Version(created) + 1));
        Assert.That(await AddressRowsAsync(Id(created)), Is.EqualTo(2));
        var info = await Client.PostAsync("customer.address.info", new JsonObject { ["customerId"] = Id(created), ["addressId"] = ids[1] });
        ApiAssert.Error(info, HttpStatusCode.NotFound, "customer_address_not_found");
    }

    [Test]
    public async Task RemovingTheSameAddressTwiceIsCustomerAddressNotFound()
    {
        var created = await CreateCustomerAsync(2);
        var addressId = AddressIds(created)[0];
        var first = await Client.PostAsync("customer.address.remove", new JsonObject { ["customerId"] = Id(created), ["addressId"] = addressId });
        ApiAssert.Success(first);

        var second = await Client.PostAsync("customer.address.remove", new JsonObject { ["customerId"] = Id(created), ["addressId"] = addressId });

        ApiAssert.Error(second, HttpStatusCode.NotFound, "customer_address_not_found");
        Assert.That(second.Data!.ToJsonString(), Is.EqualTo($"{{\"customerId\":\"{Id(created)}\",\"addressId\":\"{addressId}\"}}"));
        Assert.That(Version((await InfoAsync(Id(created))).Customer), Is.EqualTo(Version(first.Customer)));
    }

    [Test]
    public async Task RemovingForAnUnknownCustomerIsCustomerNotFound()
    {
        var response = await Client.PostAsync("customer.address.remove", new JsonObject { ["customerId"] = "nobody", ["addressId"] = "a" });

        ApiAssert.Error(response, HttpStatusCode.NotFound, "customer_not_found");
        Assert.That(response.Data!.ToJsonString(), Is.EqualTo("{\"id\":\"nobody\"}"));
    }

    [Test]
    public async Task TheLastAddressCanBeRemoved()
    {
        var created = await CreateCustomerAsync(1);

        var response = await Client.PostAsync("customer.address.remove", new JsonObject { ["customerId"] = Id(created), ["addressId"] = AddressIds(created)[0] });

        ApiAssert.Success(response);
        Assert.That(Addresses(response.Customer), Is.Empty);
    }

    // ---- order ----

    [Test]
    public async Task InsertionOrderSurvivesUpdatesRemovalsAndAdditions()
    {
        var created = await CreateCustomerAsync(0);
        var withFour = await Client.PostAsync("customer.address.create", new JsonObject
        {
            ["customerId"] = Id(created),
            ["addresses"] = new JsonArray(Address("A"), Address("B"), Address("C"), Address("D")),
        });
        var ids = AddressIds(withFour.Customer);

        await UpdateNameAsync(Id(created), ids[2], "C2");
        await UpdateNameAsync(Id(created), ids[0], "A2");
        ApiAssert.Success(await Client.PostAsync("customer.address.remove", new JsonObject { ["customerId"] = Id(created), ["addressId"] = ids[1] }));
        var added = await Client.PostAsync("customer.address.create", new JsonObject { ["customerId"] = Id(created), ["address"] = Address("E") });
        ApiAssert.Success(added);
        Assert.That(Names(added.Customer), Is.EqualTo(new[] { "A2", "C2", "D", "E" }));

        var removedLast = await Client.PostAsync("customer.address.remove", new JsonObject { ["customerId"] = Id(created), ["addressId"] = ids[3] });
        var addedAgain = await Client.PostAsync("customer.address.create", new JsonObject { ["customerId"] = Id(created), ["address"] = Address("F") });
        Assert.That(Names(removedLast.Customer), Is.EqualTo(new[] { "A2", "C2", "E" }));
        Assert.That(Names(addedAgain.Customer), Is.EqualTo(new[] { "A2", "C2", "E", "F" }));

        var info = await InfoAsync(Id(created));
        Assert.That(Names(info.Customer), Is.EqualTo(new[] { "A2", "C2", "E", "F" }));
        var list = await Client.PostAsync("customer.list", new JsonObject { ["id"] = Id(created) });
        Assert.That(Names(list.Body["data"]![0]!.AsObject()), Is.EqualTo(new[] { "A2", "C2", "E", "F" }));
    }

    private async Task UpdateNameAsync(string customerId, string addressId, string name)
    {
        var response = await Client.PostAsync("customer.address.update", new JsonObject
        {
            ["customerId"] = customerId,
            ["address"] = new JsonObject { ["id"] = addressId, ["name"] = name },
        });
        ApiAssert.Success(response);
    }

    /// <summary>A customer with this many addresses (named 1, 2, ...); returns the customer as created.</summary>
    private async Task<JsonObject> CreateCustomerAsync(int addresses)
    {
        var body = CustomerRequests.Create();
        body["addresses"] = new JsonArray([.. Enumerable.Range(1, addresses).Select(i => (JsonNode?)Address(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        var response = await Client.PostAsync("customer.create", body);
        ApiAssert.Success(response);
        return response.Customer;
    }

    private static JsonObject Address(string name)
    {
        var address = CustomerRequests.Address();
        address["name"] = name;
        return address;
    }

    private async Task AssertUnchangedAsync(JsonObject customer)
    {
        var info = await InfoAsync(Id(customer));
        Assert.That(info.Customer.ToJsonString(), Is.EqualTo(customer.ToJsonString()), "the customer must be unchanged");
    }

    private async Task<ApiResponse> InfoAsync(string id)
    {
        var response = await Client.PostAsync("customer.info", new JsonObject { ["id"] = id });
        ApiAssert.Success(response);
        return response;
    }

    private Task<int> AddressRowsAsync(string customerId) =>
        Factory.WithDatabaseAsync(db => db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"CustomerAddresses\" WHERE \"CustomerId\" = {customerId}")
            .SingleAsync());

    private static string Id(JsonObject customer) => customer["id"]!.GetValue<string>();

    private static int Version(JsonObject customer) => customer["version"]!.GetValue<int>();

    private static List<JsonObject> Addresses(JsonObject customer) => [.. customer["addresses"]!.AsArray().Select(a => a!.AsObject())];

    private static List<string> AddressIds(JsonObject customer) => [.. Addresses(customer).Select(a => a["id"]!.GetValue<string>())];

    private static List<string> Names(JsonObject customer) => [.. Addresses(customer).Select(a => a["name"]!.GetValue<string>())];
}
