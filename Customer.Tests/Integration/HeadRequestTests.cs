using System.Net;
using System.Net.Http.Headers;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

/// <summary>
/// HEAD answers wherever GET does, with GET's status, headers and rules. The test server keeps the body
/// Kestrel would drop, which shows the error code; <c>HeadOverKestrelTests</c> shows that no body is sent.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class HeadRequestTests(DatabaseKind database) : HttpFixture(database)
{
    private string _customerId = null!;
    private string _addressId = null!;


    [OneTimeSetUp]
    public async Task CreateACustomer()
    {
        var customer = await CreateAsync();
        _customerId = customer["id"]!.GetValue<string>();
        _addressId = customer["addresses"]![0]!["id"]!.GetValue<string>();
    }

    [TestCaseSource(typeof(GetRoutes), nameof(GetRoutes.All))]
    public async Task HeadAnswersEveryGetRouteWithTheStatusAndHeadersOfGet(string route)
    {
        using var get = await SendAsync(HttpMethod.Get, route);
        using var head = await SendAsync(HttpMethod.Head, route);

        Assert.Multiple(() =>
        {
            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(head.StatusCode, Is.EqualTo(get.StatusCode));
            Assert.That(head.Content.Headers.ContentType, Is.EqualTo(get.Content.Headers.ContentType));
            Assert.That(head.Headers.GetValues("x-request-id").Single(), Is.Not.Empty);
            Assert.That(head.Headers.GetValues("x-content-type-options"), Is.EqualTo(get.Headers.GetValues("x-content-type-options")));
        });
    }

    [Test]
    public async Task HeadOnCustomerInfoForAnUnknownIdIsCustomerNotFound()
    {
        var response = await Client.SendAsync("customer.info?id=nobody", content: null, HttpMethod.Head);

        ApiAssert.Error(response, HttpStatusCode.NotFound, "customer_not_found");
        Assert.That(response.RequestId, Is.Not.Empty);
    }

    [TestCase("customer.info?id={customer}")]
    [TestCase("customer.list")]
    [TestCase("customer.address.info?customerId={customer}&addressId={address}")]
    public async Task HeadWithoutATokenIsInvalidTokenLikeGet(string method)
    {
        using var anonymous = new ApiClient(Factory.CreateClient(), token: null);

        var response = await anonymous.SendAsync(Fill(method), content: null, HttpMethod.Head);

        ApiAssert.Error(response, HttpStatusCode.Unauthorized, "invalid_token");
    }

    [TestCase("customer.info?id={customer}")]
    [TestCase("customer.list")]
    [TestCase("customer.address.info?customerId={customer}&addressId={address}")]
    public async Task HeadWithoutTheReadScopeIsForbiddenLikeGet(string method)
    {
        using var writer = new ApiClient(Factory.CreateClient(), Factory.Tokens.WithScopes(TestTokens.WriteScope));

        var response = await writer.SendAsync(Fill(method), content: null, HttpMethod.Head);

        ApiAssert.Error(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [TestCase("customer.info")]
    [TestCase("customer.list")]
    [TestCase("customer.address.info")]
    public async Task AMethodNotAllowedOnAReadMethodListsHeadBesideGet(string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, ApiClient.MethodsPath + method);
        using var response = await Client.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "HEAD", "POST" }));
    }

    [TestCase("customer.create")]
    [TestCase("customer.update")]
    [TestCase("customer.remove")]
    [TestCase("customer.checkCredentials")]
    public async Task HeadOnAMutationIsMethodNotAllowedLikeGet(string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, ApiClient.MethodsPath + method);
        using var response = await Client.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "POST" }));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string route)
    {
        using var request = new HttpRequestMessage(method, Fill(route));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Factory.Tokens.Valid());
        return await Client.Http.SendAsync(request);
    }

    private string Fill(string route) => GetRoutes.Fill(route, _customerId, _addressId);
}
