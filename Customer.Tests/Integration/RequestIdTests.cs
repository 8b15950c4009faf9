using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

/// <summary>x-request-id: echoed when the caller sends a sane one, generated otherwise, on every response.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class RequestIdTests(DatabaseKind database) : HttpFixture(database)
{
    private const string Header = "x-request-id";
    private const string GeneratedPattern = "^[A-Za-z0-9_-]{8,128}$";

    private ApiClient _anonymous = null!;
    private ScenarioContext _context = null!;
    private string _id = null!;

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

    [TestCase("req-123")]
    [TestCase("0f8fad5b-d9cb-469f-a165-70867728950e")]
    [TestCase("trace_id.with:colons-and.dots")]
    public async Task EchoesASaneIdOnSuccess(string requestId)
    {
        var response = await Info(requestId);

        EnvelopeAssert.IsCustomer(response);
        Assert.That(response.RequestId, Is.EqualTo(requestId));
    }

    [Test]
    public async Task EchoesALongButSaneId()
    {
        var requestId = new string('a', 128);

        var response = await Info(requestId);

        Assert.That(response.RequestId, Is.EqualTo(requestId));
    }

    [Test]
    public async Task GeneratesAnIdWhenNoneIsSent()
    {
        var first = await Info(requestId: null);
        var second = await Info(requestId: null);

        Assert.That(first.RequestId, Does.Match(GeneratedPattern));
        Assert.That(second.RequestId, Does.Match(GeneratedPattern));
        Assert.That(second.RequestId, Is.Not.EqualTo(first.RequestId), "each request gets an id of its own");
    }

    [TestCase("has space")]
    [TestCase("<script>alert(1)</script>")]
    [TestCase("a;b=c")]
    [TestCase("line\tbreak")]
    public async Task ReplacesAnIdThatIsNotSafeToEcho(string requestId)
    {
        var response = await Info(requestId);

        EnvelopeAssert.IsCustomer(response);
        Assert.That(response.RequestId, Is.Not.EqualTo(requestId));
        Assert.That(response.RequestId, Does.Match(GeneratedPattern));
    }

    [Test]
    public async Task ReplacesAnOverlongId()
    {
        var requestId = new string('a', 10_000);

        var response = await Info(requestId);

        Assert.That(response.RequestId, Does.Match(GeneratedPattern));
        Assert.That(response.RequestId, Is.Not.EqualTo(requestId));
    }

    [TestCaseSource(typeof(ErrorScenarios), nameof(ErrorScenarios.All))]
    public async Task IsGeneratedOnErrorResponses(ErrorScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);

        var response = await scenario.Send(_context, _ => { });

        EnvelopeAssert.IsError(response, scenario.Status, scenario.Code);
        Assert.That(response.RequestId, Does.Match(GeneratedPattern));
    }

    [TestCaseSource(typeof(ErrorScenarios), nameof(ErrorScenarios.All))]
    public async Task IsEchoedOnErrorResponses(ErrorScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var requestId = "err-" + Guid.NewGuid().ToString("N");

        var response = await scenario.Send(_context, request => request.Headers.Add(Header, requestId));

        EnvelopeAssert.IsError(response, scenario.Status, scenario.Code);
        Assert.That(response.RequestId, Is.EqualTo(requestId));
    }

    [Test]
    public async Task IsPresentOnAnInternalError()
    {
        using var broken = Factory.WithFailingRepository(() => new InvalidOperationException("boom"));
        using var client = new ApiClient(broken.CreateClient(), Factory.Tokens.Valid());

        var echoed = await client.SendAsync("customer.info", Json($$"""{"id":"{{_id}}"}"""), configure: r => r.Headers.Add(Header, "broken-1"));
        var generated = await client.SendAsync("customer.info", Json($$"""{"id":"{{_id}}"}"""));

        EnvelopeAssert.IsError(echoed, HttpStatusCode.InternalServerError, "internal_error");
        Assert.That(echoed.RequestId, Is.EqualTo("broken-1"));
        Assert.That(generated.RequestId, Does.Match(GeneratedPattern));
    }

    private Task<ApiResponse> Info(string? requestId) =>
        Client.SendAsync("customer.info", Json(new JsonObject { ["id"] = _id }.ToJsonString()), configure: request =>
        {
            if (requestId is not null)
            {
                request.Headers.TryAddWithoutValidation(Header, requestId);
            }
        });

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
