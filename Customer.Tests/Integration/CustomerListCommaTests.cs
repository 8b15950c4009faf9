using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

/// <summary>
/// customer.list filters holding commas: an array element, or a repeated query parameter, is one value
/// whole; only a plain string is split on commas. A blank element is refused, not dropped.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class CustomerListCommaTests(DatabaseKind database) : HttpFixture(database)
{
    // Unique per run (and within the 50 characters of a tag), so only these customers match.
    private readonly string _b2b = $"b2b-{Guid.NewGuid():N}"[..20];
    private readonly string _x = $"x-{Guid.NewGuid():N}"[..20];

    private string _commaTagged = null!;
    private string _b2bTagged = null!;
    private string _xTagged = null!;

    private string CommaTag => $"{_b2b},{_x}";

    [OneTimeSetUp]
    public async Task SeedTheTags()
    {
        _commaTagged = await CreateTaggedAsync(CommaTag);
        _b2bTagged = await CreateTaggedAsync(_b2b);
        _xTagged = await CreateTaggedAsync(_x);
    }

    [Test]
    public async Task ATagWithACommaIsFoundAsAnArrayElement()
    {
        var response = await ListAsync(new JsonObject { ["tags"] = new JsonArray(CommaTag) });

        Assert.That(ApiAssert.Ids(response), Is.EqualTo(new[] { _commaTagged }));
    }

    [Test]
    public async Task ACommaSeparatedStringIsStillSplitIntoSeveralTags()
    {
        var response = await ListAsync(new JsonObject { ["tags"] = CommaTag });

        Assert.That(ApiAssert.Ids(response), Is.EqualTo(new[] { _b2bTagged, _xTagged }));
    }

    // The email rules refuse spaces and control characters, not commas: quoted or not, the address is accepted.
    [TestCase("\"john,doe.{0}\"@example.com")]
    [TestCase("john,doe.{0}@example.com")]
    public async Task AnEmailWithACommaIsFoundAsAnArrayElement(string template)
    {
        var email = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Guid.NewGuid().ToString("N"));
        var id = await Client.CreateCustomerAsync(CustomerRequests.Create(email));

        var response = await ListAsync(new JsonObject { ["email"] = new JsonArray(email.ToUpperInvariant()) });

        Assert.That(ApiAssert.Ids(response), Is.EqualTo(new[] { id }));
    }

    [Test]
    public async Task ARepeatedQueryParameterKeepsEachValueWhole()
    {
        var response = await Client.GetAsync("customer.list", $"tags={Uri.EscapeDataString(CommaTag)}&tags=no-such-tag");

        ApiAssert.Success(response);
        Assert.That(ApiAssert.Ids(response), Is.EqualTo(new[] { _commaTagged }));
    }

    [Test]
    public async Task ASingleQueryParameterIsSplitOnCommas()
    {
        var response = await Client.GetAsync("customer.list", $"tags={Uri.EscapeDataString(CommaTag)}");

        ApiAssert.Success(response);
        Assert.That(ApiAssert.Ids(response), Is.EqualTo(new[] { _b2bTagged, _xTagged }));
    }

    [TestCase("""{"tags": ["VIP", ""]}""", "tags[1]")]
    [TestCase("""{"tags": [" "]}""", "tags[0]")]
    [TestCase("""{"email": ["a@b.co", "  "]}""", "email[1]")]
    [TestCase("""{"id": [""]}""", "id[0]")]
    [TestCase("""{"status": ["ACTIVE", ""]}""", "status[1]")]
    public async Task ABlankArrayElementIsAValidationErrorNamingIt(string body, string field)
    {
        var response = await Client.PostRawAsync("customer.list", body);

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        Assert.That(response.ErrorFields, Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task ABlankRepeatedQueryParameterIsAValidationErrorNamingIt()
    {
        var response = await Client.GetAsync("customer.list", "tags=VIP&tags=");

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        Assert.That(response.ErrorFields, Is.EqualTo(new[] { "tags[1]" }));
    }

    private async Task<string> CreateTaggedAsync(string tag)
    {
        var body = CustomerRequests.Create();
        body["tags"] = new JsonArray(tag);
        return await Client.CreateCustomerAsync(body);
    }

    private async Task<ApiResponse> ListAsync(JsonObject body)
    {
        body["limit"] = 100;
        var response = await Client.PostAsync("customer.list", body);
        ApiAssert.Success(response);
        return response;
    }
}
