using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CustomerService.Tests.Integration;

/// <summary>
/// customer.list over HTTP. The filter tests share one service seeded once with a known set and never
/// change it; tests that need an exact whole set (paging, SQL) start a service of their own.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class CustomerListTests(DatabaseKind database) : HttpFixture(database)
{
    // The seeded set: name -> id, in creation order.
    private readonly Dictionary<string, string> _ids = [];
    private readonly Dictionary<string, string> _emails = [];

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await SeedAsync("red", "ACTIVE", "red");
        await SeedAsync("blue", "INACTIVE", "blue");
        await SeedAsync("redBlue", "ACTIVE", "red", "blue");
        await SeedAsync("plainInactive", "INACTIVE");
        await SeedAsync("green", "ACTIVE", "green");
        await SeedAsync("plain", "ACTIVE");
    }

    [Test]
    public async Task PagingWithLimitFiveWalksTheWholeSetOnceInCreationOrder()
    {
        using var factory = NewFactory();
        using var client = factory.CreateApiClient();
        var created = new List<(string Id, DateTime CreatedAt)>();
        for (var i = 0; i < 23; i++)
        {
            var response = await client.PostAsync("customer.create", CustomerRequests.Create());
            ApiAssert.Success(response);
            created.Add((response.Customer["id"]!.GetValue<string>(), response.Customer["createdAt"]!.GetValue<DateTime>()));
        }

        // Creation order, ties (same timestamp) broken by id.
        var expected = created.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList();
        Assert.That(expected.Distinct().Count(), Is.EqualTo(23));

        var walked = new List<string>();
        for (var skip = 0; skip < 25; skip += 5)
        {
            var page = await client.PostAsync("customer.list", new JsonObject { ["limit"] = 5, ["skip"] = skip });
            ApiAssert.Success(page);
            Assert.That(page.Body["page"]!.ToJsonString(), Is.EqualTo($"{{\"limit\":5,\"skip\":{skip},\"total\":23}}"));
            Assert.That(Ids(page), Has.Count.EqualTo(skip == 20 ? 3 : 5));
            walked.AddRange(Ids(page));
        }

        Assert.That(walked, Is.EqualTo(expected), "the pages concatenated must be the whole set, in order, with no repeat and no gap");

        var beyond = await client.PostAsync("customer.list", new JsonObject { ["limit"] = 5, ["skip"] = 25 });
        ApiAssert.Success(beyond);
        Assert.That(Ids(beyond), Is.Empty);
        Assert.That(beyond.Body["page"]!["total"]!.GetValue<int>(), Is.EqualTo(23));

        var all = await client.PostAsync("customer.list", new JsonObject { ["limit"] = 100 });
        Assert.That(Ids(all), Is.EqualTo(expected));
    }

    [Test]
    public async Task WithoutPagingTheDefaultsAreLimitTenSkipZero()
    {
        var response = await Client.PostAsync("customer.list", new JsonObject());

        ApiAssert.Success(response);
        Assert.That(response.Body["page"]!.ToJsonString(), Is.EqualTo("{\"limit\":10,\"skip\":0,\"total\":6}"));
        Assert.That(Ids(response), Is.EqualTo(Seeded("red", "blue", "redBlue", "plainInactive", "green", "plain")));
    }

    [Test]
    public async Task TheResponseIsOkPageDataInThatOrderWithWholeCustomers()
    {
        var response = await Client.PostAsync("customer.list", new JsonObject { ["id"] = _ids["red"] });

        ApiAssert.Success(response);
        Assert.That(response.Body.Select(p => p.Key), Is.EqualTo(new[] { "ok", "page", "data" }));
        var customer = response.Body["data"]![0]!.AsObject();
        var info = await Client.PostAsync("customer.info", new JsonObject { ["id"] = _ids["red"] });
        Assert.That(customer.ToJsonString(), Is.EqualTo(info.Customer.ToJsonString()));
        Assert.That(customer.ContainsKey("password"), Is.False);
    }

    [TestCase("single")]
    [TestCase("array")]
    [TestCase("comma")]
    public async Task FiltersById(string form)
    {
        var response = await ListAsync("id", form, _ids["green"], _ids["red"]);

        // Creation order, not the order of the filter.
        Assert.That(Ids(response), Is.EqualTo(form == "single" ? Seeded("green") : Seeded("red", "green")));
        Assert.That(Total(response), Is.EqualTo(form == "single" ? 1 : 2));
    }

    [TestCase("single")]
    [TestCase("array")]
    [TestCase("comma")]
    public async Task FiltersByEmailIgnoringCase(string form)
    {
        var response = await ListAsync("email", form, _emails["blue"].ToUpperInvariant(), _emails["plain"]);

        Assert.That(Ids(response), Is.EqualTo(form == "single" ? Seeded("blue") : Seeded("blue", "plain")));
    }

    [TestCase("single")]
    [TestCase("array")]
    [TestCase("comma")]
    public async Task FiltersByStatus(string form)
    {
        var response = form == "single"
            ? await ListAsync("status", form, "INACTIVE")
            : await ListAsync("status", form, "INACTIVE", "ACTIVE");

        Assert.That(
            Ids(response),
            Is.EqualTo(form == "single"
                ? Seeded("blue", "plainInactive")
                : Seeded("red", "blue", "redBlue", "plainInactive", "green", "plain")));
    }

    [TestCase("single")]
    [TestCase("array")]
    [TestCase("comma")]
    public async Task FiltersByAnyOfTheTags(string form)
    {
        var response = form == "single"
            ? await ListAsync("tags", form, "blue")
            : await ListAsync("tags", form, "blue", "green");

        Assert.That(Ids(response), Is.EqualTo(form == "single" ? Seeded("blue", "redBlue") : Seeded("blue", "redBlue", "green")));
    }

    [Test]
    public async Task FiltersCombineWithAndWhileValuesOfOneFilterCombineWithOr()
    {
        var response = await Client.PostAsync("customer.list", new JsonObject
        {
            ["tags"] = "red,green",
            ["status"] = new JsonArray("ACTIVE"),
            ["id"] = $"{_ids["red"]},{_ids["green"]},{_ids["blue"]}",
        });

        Assert.That(Ids(response), Is.EqualTo(Seeded("red", "green")));
        Assert.That(Total(response), Is.EqualTo(2));
    }

    [Test]
    public async Task StatusAndTagsTogetherNarrowTheSet()
    {
        var response = await Client.PostAsync("customer.list", new JsonObject { ["tags"] = "blue", ["status"] = "INACTIVE" });

        Assert.That(Ids(response), Is.EqualTo(Seeded("blue")));
    }

    [Test]
    public async Task PagingAppliesToTheFilteredSetAndTotalCountsAllMatches()
    {
        var response = await Client.PostAsync("customer.list", new JsonObject { ["status"] = "ACTIVE", ["limit"] = 2, ["skip"] = 1 });

        Assert.That(Ids(response), Is.EqualTo(Seeded("redBlue", "green")));
        Assert.That(response.Body["page"]!.ToJsonString(), Is.EqualTo("{\"limit\":2,\"skip\":1,\"total\":4}"));
    }

    [Test]
    public async Task NoMatchIsAnEmptyPageNotAnError()
    {
        var response = await Client.PostAsync("customer.list", new JsonObject { ["tags"] = "no-such-tag" });

        ApiAssert.Success(response);
        Assert.That(Ids(response), Is.Empty);
        Assert.That(response.Body["page"]!.ToJsonString(), Is.EqualTo("{\"limit\":10,\"skip\":0,\"total\":0}"));
    }

    [Test]
    public async Task FiltersThatContradictEachOtherMatchNothing()
    {
        var response = await Client.PostAsync("customer.list", new JsonObject { ["id"] = _ids["blue"], ["status"] = "ACTIVE" });

        ApiAssert.Success(response);
        Assert.That(Ids(response), Is.Empty);
        Assert.That(Total(response), Is.Zero);
    }

    [Test]
    public async Task TheLimitBoundsAreAccepted()
    {
        var one = await Client.PostAsync("customer.list", new JsonObject { ["limit"] = 1 });
        var hundred = await Client.PostAsync("customer.list", new JsonObject { ["limit"] = 100 });

        Assert.That(Ids(one), Is.EqualTo(Seeded("red")));
        Assert.That(Ids(hundred), Has.Count.EqualTo(6));
    }

    [TestCase("{\"limit\":101}", "limit")]
    [TestCase("{\"limit\":0}", "limit")]
    [TestCase("{\"limit\":-1}", "limit")]
    [TestCase("{\"skip\":-1}", "skip")]
    [TestCase("{\"limit\":\"ten\"}", "limit")]
    [TestCase("{\"limit\":2.5}", "limit")]
    [TestCase("{\"status\":\"DELETED\"}", "status[0]")]
    [TestCase("{\"status\":\"ACTIVE,BOGUS\"}", "status[1]")]
    public async Task BadArgumentsAreValidationErrorsNamingTheField(string body, string field)
    {
        var response = await Client.PostRawAsync("customer.list", body);

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        Assert.That(response.ErrorFields, Does.Contain(field));
    }

    [Test]
    public async Task AnUnknownArgumentIsAValidationError()
    {
        var response = await Client.PostAsync("customer.list", new JsonObject { ["colour"] = "red" });

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
    }

    [Test]
    public async Task TheGetFormTakesTheSameArgumentsFromTheQueryString()
    {
        var tags = await Client.GetAsync("customer.list", "limit=2&tags=red,green");
        var repeated = await Client.GetAsync("customer.list", $"id={_ids["plain"]}&id={_ids["blue"]}&skip=0");

        ApiAssert.Success(tags);
        Assert.That(Ids(tags), Is.EqualTo(Seeded("red", "redBlue")));
        Assert.That(tags.Body["page"]!.ToJsonString(), Is.EqualTo("{\"limit\":2,\"skip\":0,\"total\":3}"));
        ApiAssert.Success(repeated);
        Assert.That(Ids(repeated), Is.EqualTo(Seeded("blue", "plain")));
    }

    [TestCase("limit=abc", "limit")]
    [TestCase("limit=101", "limit")]
    [TestCase("skip=-3", "skip")]
    public async Task TheGetFormRefusesBadIntegers(string query, string field)
    {
        var response = await Client.GetAsync("customer.list", query);

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        Assert.That(response.ErrorFields, Does.Contain(field));
    }

    [Test]
    public async Task TheGetFormRefusesAnUnknownParameter()
    {
        var response = await Client.GetAsync("customer.list", "colour=red");

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
    }

    [Test]
    public async Task TheQueryIsFilteredOrderedAndPagedInTheDatabase()
    {
        var sink = new CapturingLogSink();
        using var factory = NewFactory(new Dictionary<string, string>
        {
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        });
        using var client = new ApiClient(
            factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(sink))).CreateClient(),
            factory.Tokens.Valid());
        for (var i = 0; i < 12; i++)
        {
            await client.CreateCustomerAsync();
        }

        var response = await client.SendAsync(
            "customer.list",
            new StringContent("{\"status\":\"ACTIVE\",\"tags\":\"VIP\",\"limit\":5,\"skip\":5}", System.Text.Encoding.UTF8, "application/json"),
            configure: r => r.Headers.Add("x-request-id", "list-sql-1"));

        ApiAssert.Success(response);
        Assert.That(Ids(response), Has.Count.EqualTo(5));
        var commands = sink.Events
            .Where(e => e.Properties.TryGetValue("RequestId", out var id) && id.ToString() == "\"list-sql-1\"")
            .Where(e => e.Properties.ContainsKey("commandText"))
            .Select(e => ((ScalarValue)e.Properties["commandText"]).Value as string ?? string.Empty)
            .ToList();
        Assert.That(commands, Is.Not.Empty, "the executed EF Core commands of the request should be logged");

        // SQL Server pages with OFFSET ... FETCH NEXT and quotes names in brackets.
        var (limit, fromCustomers) = Database == DatabaseKind.SqlServer ? ("FETCH NEXT", "FROM [Customers]") : ("LIMIT", "FROM \"Customers\"");
        Assert.That(
            commands,
            Has.Some.Matches<string>(c => Contains(c, limit) && Contains(c, "OFFSET") && Contains(c, "WHERE") && Contains(c, "ORDER BY")),
            string.Join("\n---\n", commands));
        var customerQueries = commands.Where(c => Contains(c, fromCustomers)).ToList();
        Assert.That(customerQueries, Is.Not.Empty, string.Join("\n---\n", commands));
        Assert.That(
            customerQueries.Where(c => !Contains(c, "COUNT(") && !Contains(c, limit)),
            Is.Empty,
            "no command may read customers without a LIMIT when a limit is given");
    }

    private async Task SeedAsync(string name, string status, params string[] tags)
    {
        var body = CustomerRequests.Create();
        body["status"] = status;
        body["tags"] = new JsonArray([.. tags.Select(t => (JsonNode?)t)]);
        _emails[name] = body["email"]!.GetValue<string>();
        _ids[name] = await Client.CreateCustomerAsync(body);
    }

    private List<string> Seeded(params string[] names) => [.. names.Select(n => _ids[n])];

    /// <summary>customer.list with one filter given as a single value, an array, or a comma-separated string.</summary>
    private async Task<ApiResponse> ListAsync(string filter, string form, params string[] values)
    {
        JsonNode value = form switch
        {
            "single" => values[0],
            "array" => new JsonArray([.. values.Select(v => (JsonNode?)v)]),
            "comma" => string.Join(',', values),
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
        var response = await Client.PostAsync("customer.list", new JsonObject { [filter] = value, ["limit"] = 100 });
        ApiAssert.Success(response);
        return response;
    }

    private static List<string> Ids(ApiResponse response) => ApiAssert.Ids(response);

    private static int Total(ApiResponse response) => response.Body["page"]!["total"]!.GetValue<int>();

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
