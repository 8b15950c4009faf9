using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CustomerService.Tests.Integration;

/// <summary>
/// Error bodies are envelopes and nothing more: no stack traces, exception types, SQL or secrets,
/// even when the database fails with a message full of them.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class ErrorBodyHygieneTests(DatabaseKind database) : HttpFixture(database)
{
    // A message as a careless exception would carry it: SQL, type names, provider names, a stack frame.
    private const string LeakyMessage =
        "SQLite Error 1: near \"SELECT\": INSERT INTO \"Customers\" failed; UPDATE \"Customers\" SET x; " +
        "System.Data.Common.DbException at CustomerService.Infrastructure.Persistence.CustomerRepository.GetAsync() in CustomerRepository.cs:line 12";

    private ApiClient _anonymous = null!;
    private ScenarioContext _context = null!;
    private string _id = null!;

    public static IEnumerable<TestCaseData> DatabaseFailures()
    {
        yield return Failure("unexpected exception", HttpStatusCode.InternalServerError, "internal_error", () => new InvalidOperationException(LeakyMessage));
        yield return Failure("missing key", HttpStatusCode.InternalServerError, "internal_error", () => new KeyNotFoundException(LeakyMessage));
        yield return Failure("database locked", HttpStatusCode.ServiceUnavailable, "service_unavailable", () => new SqliteException(LeakyMessage, 5));
        yield return Failure("database cannot be opened", HttpStatusCode.ServiceUnavailable, "service_unavailable", () => new SqliteException(LeakyMessage, 14));
        yield return Failure("timeout", HttpStatusCode.ServiceUnavailable, "service_unavailable", () => new TimeoutException(LeakyMessage));
        yield return Failure("unrecognised SQLite error", HttpStatusCode.InternalServerError, "internal_error", () => new SqliteException(LeakyMessage, 1));

        static TestCaseData Failure(string name, HttpStatusCode status, string code, Func<Exception> failure) =>
            new TestCaseData(status, code, failure).SetArgDisplayNames(name);
    }

    [OneTimeSetUp]
    public async Task PrepareData()
    {
        _anonymous = new ApiClient(Factory.CreateClient(), token: null);
        _id = (await CreateAsync())["id"]!.GetValue<string>();
        var taken = CustomerRequests.UniqueEmail("taken");
        await CreateAsync(CustomerRequests.Create(taken));
        _context = new ScenarioContext(Client, _anonymous, Factory.Tokens, _id, taken);
    }

    [OneTimeTearDown]
    public void DisposeAnonymousClient() => _anonymous?.Dispose();

    [TestCaseSource(typeof(ErrorScenarios), nameof(ErrorScenarios.All))]
    public async Task EveryErrorIsACleanEnvelope(ErrorScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);

        var response = await scenario.Send(_context, _ => { });

        EnvelopeAssert.IsError(response, scenario.Status, scenario.Code);
        var data = response.Data;
        if (data is not null)
        {
            Assert.That(data.GetValueKind(), Is.AnyOf(System.Text.Json.JsonValueKind.Array, System.Text.Json.JsonValueKind.Object), response.Text);
        }
    }

    [TestCaseSource(nameof(DatabaseFailures))]
    public async Task ADatabaseFailureIsReportedWithoutItsDetails(HttpStatusCode status, string code, Func<Exception> failure)
    {
        using var broken = Factory.WithFailingRepository(failure);
        using var client = new ApiClient(broken.CreateClient(), Factory.Tokens.Valid());

        var responses = new[]
        {
            await client.PostAsync("customer.info", new JsonObject { ["id"] = _id }),
            await client.PostAsync("customer.update", new JsonObject { ["id"] = _id, ["firstName"] = "Jane" }),
            await client.PostAsync("customer.create", CustomerRequests.Create()),
        };

        foreach (var response in responses)
        {
            EnvelopeAssert.IsExactly(response, status, new JsonObject { ["ok"] = false, ["error"] = code }.ToJsonString());
            Assert.That(response.Text, Does.Not.Contain("CustomerRepository").And.Not.Contain("Customers"), response.Text);
        }
    }

    [Test]
    public async Task ErrorsNeverEchoThePassword()
    {
        const string password = "Sup3r-Secret-Passphrase";
        var taken = _context.TakenEmail;

        var invalid = CustomerRequests.Create("not-an-email");
        invalid["password"] = password;
        invalid["firstName"] = "";
        var duplicate = CustomerRequests.Create(taken);
        duplicate["password"] = password;
        var mistyped = CustomerRequests.Create();
        mistyped["password"] = password;
        mistyped["lastName"] = 5;

        foreach (var body in new[] { invalid, duplicate, mistyped })
        {
            var response = await Client.PostAsync("customer.create", body);
            Assert.That(response.Ok, Is.False, response.Text);
            Assert.That(response.Text, Does.Not.Contain(password));
        }
    }

    [Test]
    public async Task ErrorResponsesAreJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiClient.MethodsPath + "customer.info")
        {
            Content = new StringContent("{", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Factory.Tokens.Valid());
        using var response = await Client.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
    }
}
