using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api;

/// <summary>HEAD through Kestrel, byte by byte: GET's status and headers, and nothing after them.</summary>
public sealed class HeadOverKestrelTests
{
    // Decided per response, not by the route: the message framing, the date, the request's own id.
    private static readonly string[] HeadersOfTheMoment = ["content-length", "transfer-encoding", "date", "x-request-id"];

    private string _database = null!;
    private TestTokens _tokens = null!;
    private ServiceProcess _service = null!;
    private string _customerId = null!;
    private string _addressId = null!;

    [OneTimeSetUp]
    public async Task StartTheService()
    {
        _tokens = new TestTokens();
        _database = Path.Combine(Path.GetTempPath(), $"customer-head-{Guid.NewGuid():N}.db");
        var settings = _tokens.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["ConnectionStrings__Customers"] = $"Data Source={_database}";
        _service = await ServiceProcess.StartAsync(settings);

        using var client = new ApiClient(new HttpClient { BaseAddress = _service.BaseAddress }, _tokens.Valid());
        var created = await client.PostAsync("customer.create", CustomerRequests.Create());
        _customerId = created.Customer["id"]!.GetValue<string>();
        _addressId = created.Customer["addresses"]![0]!["id"]!.GetValue<string>();
    }

    [OneTimeTearDown]
    public void StopTheService()
    {
        _service?.Dispose();
        TestDatabase.DeleteSqliteFiles(_database);
    }

    [TestCaseSource(typeof(GetRoutes), nameof(GetRoutes.All))]
    public async Task HeadAnswersEveryGetRouteLikeGetWithoutABody(string route)
    {
        var get = await RawHttpExchange.SendAsync(_service.BaseAddress, "GET", Fill(route), _tokens.Valid());
        var head = await RawHttpExchange.SendAsync(_service.BaseAddress, "HEAD", Fill(route), _tokens.Valid());

        Assert.Multiple(() =>
        {
            Assert.That(get.Status, Is.EqualTo(200));
            Assert.That(get.Body, Is.Not.Empty);
            Assert.That(head.Status, Is.EqualTo(get.Status));
            Assert.That(head.Headers.ContainsKey("x-request-id"), Is.True);
            Assert.That(head.Headers["content-type"], Is.EqualTo(get.Headers["content-type"]));
            Assert.That(WithoutHeadersOfTheMoment(head), Is.EquivalentTo(WithoutHeadersOfTheMoment(get)));
            Assert.That(head.Body, Is.Empty, "nothing follows the headers of a HEAD response");
        });
    }

    [Test]
    public async Task HeadWithoutATokenIs401WithoutABody()
    {
        var head = await RawHttpExchange.SendAsync(_service.BaseAddress, "HEAD", Fill(GetRoutes.All[0]));

        Assert.That(head.Status, Is.EqualTo(401));
        Assert.That(head.Headers["www-authenticate"], Is.EqualTo("Bearer"));
        Assert.That(head.Headers["content-type"], Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(head.Body, Is.Empty);
    }

    [Test]
    public async Task HeadOnCustomerInfoForAnUnknownIdIs404WithoutABody()
    {
        var get = await RawHttpExchange.SendAsync(_service.BaseAddress, "GET", ApiClient.MethodsPath + "customer.info?id=nobody", _tokens.Valid());
        var head = await RawHttpExchange.SendAsync(_service.BaseAddress, "HEAD", ApiClient.MethodsPath + "customer.info?id=nobody", _tokens.Valid());

        Assert.That(get.Status, Is.EqualTo(404));
        Assert.That(head.Status, Is.EqualTo(404));
        Assert.That(WithoutHeadersOfTheMoment(head), Is.EquivalentTo(WithoutHeadersOfTheMoment(get)));
        Assert.That(head.Body, Is.Empty);
    }

    private static Dictionary<string, string> WithoutHeadersOfTheMoment(RawHttpExchange exchange) =>
        exchange.Headers.Where(h => !HeadersOfTheMoment.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);

    private string Fill(string route) => GetRoutes.Fill(route, _customerId, _addressId);
}
