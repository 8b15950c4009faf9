using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

/// <summary>A request body the service must refuse with a validation_error naming the given fields.</summary>
/// <param name="Name">What is wrong with it, for the test name.</param>
/// <param name="Method">customer.create or customer.update.</param>
/// <param name="Body">The raw bytes, given the id of an existing customer.</param>
/// <param name="Fields">Fields the error must name; empty when any field (or body) will do.</param>
public sealed record MalformedCase(string Name, string Method, Func<string, byte[]> Body, IReadOnlyList<string> Fields)
{
    public override string ToString() => Name;
}

/// <summary>
/// Bodies that are not what a method takes, and requests that are not what the routes take. Every one
/// gets a 4xx envelope with the right code, never a 500, and changes nothing in the database.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class MalformedRequestTests(DatabaseKind database) : HttpFixture(database)
{
    private const int MaxBodyBytes = 64 * 1024;

    private string _id = null!;
    private StoredCustomer _before = null!;
    private int _customerCount;

    public static IEnumerable<TestCaseData> MalformedBodies()
    {
        // ---- syntax and top-level shape ----
        yield return Update("empty body", _ => "", "body");
        yield return Update("whitespace body", _ => "   \n ", "body");
        yield return Update("unterminated object", _ => "{", "body");
        yield return Update("truncated value", id => $$"""{"id":"{{id}}","firstName":"Jo""", "body");
        yield return Update("trailing comma", id => $$"""{"id":"{{id}}",}""", "body");
        yield return Update("single quotes", id => $$"""{'id':'{{id}}'}""", "body");
        yield return Update("comment", id => $$"""{"id":"{{id}}" /* hi */}""", "body");
        yield return Update("unquoted name", id => $$"""{id:"{{id}}"}""", "body");
        yield return Update("content after the object", id => $$"""{"id":"{{id}}"} {"id":"{{id}}"}""", "body");
        yield return Update("array body", id => $$"""[{"id":"{{id}}"}]""", "body");
        yield return Update("string body", _ => "\"text\"", "body");
        yield return Update("number body", _ => "42", "body");
        yield return Update("null body", _ => "null", "body");
        yield return Update("true body", _ => "true", "body");
        yield return Update("NaN value", id => $$"""{"id":"{{id}}","firstName":NaN}""", "body");

        // ---- wrong JSON types ----
        yield return Update("id as number", _ => """{"id":123}""", "id");
        yield return Update("id as null", _ => """{"id":null}""", "id");
        yield return Update("id as object", _ => """{"id":{"$ne":""}}""", "id");
        yield return Update("firstName as number", id => $$"""{"id":"{{id}}","firstName":1}""", "firstName");
        yield return Update("firstName as boolean", id => $$"""{"id":"{{id}}","firstName":true}""", "firstName");
        yield return Update("firstName as object", id => $$$"""{"id":"{{{id}}}","firstName":{}}""", "firstName");
        yield return Update("firstName as array", id => $$"""{"id":"{{id}}","firstName":["Jane"]}""", "firstName");
        yield return Update("lastName as number", id => $$"""{"id":"{{id}}","lastName":0}""", "lastName");
        yield return Update("email as number", id => $$"""{"id":"{{id}}","email":42}""", "email");
        yield return Update("status as number", id => $$"""{"id":"{{id}}","status":1}""", "status");
        yield return Update("status as boolean", id => $$"""{"id":"{{id}}","status":false}""", "status");
        yield return Update("tags as string", id => $$"""{"id":"{{id}}","tags":"VIP"}""", "tags");
        yield return Update("tags as object", id => $$$"""{"id":"{{{id}}}","tags":{"0":"VIP"}}""", "tags");
        yield return Update("tag as number", id => $$"""{"id":"{{id}}","tags":["VIP",1]}""", "tags[1]");
        yield return Update("tag as array", id => $$"""{"id":"{{id}}","tags":[["VIP"]]}""", "tags[0]");
        yield return Update("tag as null", id => $$"""{"id":"{{id}}","tags":[null]}""", "tags[0]");
        yield return Update("huge number as name", id => $$"""{"id":"{{id}}","firstName":1e400}""", "firstName");
        yield return Update("long integer as name", id => $$"""{"id":"{{id}}","firstName":123456789012345678901234567890}""", "firstName");
        yield return Update("huge number as id", _ => """{"id":1e999999}""", "id");
        yield return Update("every mistyped field at once", id => $$"""{"id":"{{id}}","firstName":1,"lastName":[],"status":{},"tags":"x"}""",
            "firstName", "lastName", "status", "tags");

        // ---- mass assignment: fields customer.update does not take ----
        foreach (var (field, value) in new[]
        {
            ("password", "\"hunter2hunter2\""),
            ("isAdmin", "true"),
            ("role", "\"admin\""),
            // version is an argument of customer.update (optimistic concurrency), not a field to set.
            ("createdAt", "\"2000-01-01T00:00:00Z\""),
            ("updatedAt", "\"2000-01-01T00:00:00Z\""),
            ("normalizedEmail", "\"x@example.com\""),
            ("passwordHash", "\"x\""),
            ("addresses", "[]"),
            ("__proto__", "{\"isAdmin\":true}"),
            ("FirstName", "\"Jane\""),
        })
        {
            yield return Update($"unknown field {field}", id => $$"""{"id":"{{id}}","firstName":"Jane",{{Quote(field)}}:{{value}}}""", field);
        }

        yield return Update("unknown fields listed together", id => $$"""{"id":"{{id}}","password":"hunter2hunter2","isAdmin":true}""", "password", "isAdmin");

        // ---- duplicate keys ----
        yield return Update("duplicate firstName", id => $$"""{"id":"{{id}}","firstName":"Jane","firstName":"Eve"}""", "firstName");
        yield return Update("duplicate id", id => $$"""{"id":"{{id}}","id":"someone-else"}""", "id");
        yield return Update("duplicate email", id => $$"""{"id":"{{id}}","email":"a@example.com","email":"b@example.com"}""", "email");

        // ---- nesting ----
        yield return Update("tags nested 40 deep", id => $$"""{"id":"{{id}}","tags":{{Nested(40)}}}""");
        yield return Update("unknown field nested 40 deep", id => $$"""{"id":"{{id}}","x":{{NestedObjects(40)}}}""");
        yield return Update("body nested 40 deep", _ => Nested(40), "body");

        // ---- text that is not acceptable text ----
        yield return Update("NUL in firstName", id => $$"""{"id":"{{id}}","firstName":"Jo\u0000hn"}""", "firstName");
        yield return Update("NUL in lastName", id => $$"""{"id":"{{id}}","lastName":"\u0000"}""", "lastName");
        yield return Update("control character in tag", id => $$"""{"id":"{{id}}","tags":["V\u0007IP"]}""", "tags[0]");
        yield return Update("lone surrogate in firstName", id => $$"""{"id":"{{id}}","firstName":"\ud800"}""", "firstName");
        yield return UpdateBytes("raw NUL byte in a string", id => Bytes($$"""{"id":"{{id}}","firstName":"Jo"""), [0x00], Bytes("hn\"}"));
        yield return UpdateBytes("invalid UTF-8 in firstName", id => Bytes($$"""{"id":"{{id}}","firstName":"Jo"""), [0xC3, 0x28], Bytes("hn\"}"));
        yield return UpdateBytes("overlong UTF-8 in lastName", id => Bytes($$"""{"id":"{{id}}","lastName":"Do"""), [0xC0, 0xAF], Bytes("e\"}"));
        yield return UpdateBytes("invalid UTF-8 in a field name", id => Bytes($$"""{"id":"{{id}}","first"""), [0xFF, 0xFE], Bytes("Name\":\"Jane\"}"));

        // ---- customer.create ----
        yield return Create("create: id chosen by the client", body => body["id"] = "MyOwnId", "id");
        yield return Create("create: version", body => body["version"] = 7, "version");
        yield return Create("create: isAdmin", body => body["isAdmin"] = true, "isAdmin");
        yield return Create("create: passwordHash", body => body["passwordHash"] = "AQAAAAIAAYagAAAAE", "passwordHash");
        yield return Create("create: createdAt", body => body["createdAt"] = "2000-01-01T00:00:00Z", "createdAt");
        yield return Create("create: address id chosen by the client", body => body["addresses"]![0]!["id"] = "MyAddress", "addresses[0].id");
        yield return Create("create: unknown address field", body => body["addresses"]![0]!["isDefault"] = true, "addresses[0].isDefault");
        yield return Create("create: phone as boolean", body => body["addresses"]![0]!["phone"] = true, "addresses[0].phone");
        yield return Create("create: phone as object", body => body["addresses"]![0]!["phone"] = new JsonObject(), "addresses[0].phone");
        yield return Create("create: phone as a 40-digit number", body => body["addresses"]![0]!["phone"] = JsonNode.Parse("1234567890123456789012345678901234567890"), "addresses[0].phone");
        yield return Create("create: addresses as string", body => body["addresses"] = "Work", "addresses");
        yield return Create("create: address as null", body => body["addresses"] = new JsonArray((JsonNode?)null), "addresses[0]");
        yield return Create("create: address as string", body => body["addresses"] = new JsonArray("Work"), "addresses[0]");
        yield return Create("create: password as number", body => body["password"] = 12345678, "password");
        yield return Create("create: firstName as number", body => body["firstName"] = 42, "firstName");
        yield return Create("create: email as array", body => body["email"] = new JsonArray("a@example.com"), "email");
        yield return Create("create: status as number", body => body["status"] = 0, "status");
        yield return Create("create: NUL in lastName", body => body["lastName"] = "Do\0e", "lastName");
        yield return Create("create: NUL in address name", body => body["addresses"]![0]!["city"] = "Bloom\0ington", "addresses[0].city");
        yield return new TestCaseData(new MalformedCase("create: duplicate email key", "customer.create",
            _ =>
            {
                var text = CustomerRequests.Create().ToJsonString();
                return Bytes("{\"email\":\"" + CustomerRequests.UniqueEmail() + "\"," + text[1..]);
            },
            ["email"])).SetArgDisplayNames("create: duplicate email key");
    }

    [OneTimeSetUp]
    public async Task CreateTargetCustomer() =>
        _id = (await CreateAsync())["id"]!.GetValue<string>();

    [SetUp]
    public async Task RememberTheDatabase()
    {
        _before = await Factory.GetStoredAsync(_id);
        _customerCount = await Factory.CountCustomersAsync();
    }

    [TestCaseSource(nameof(MalformedBodies))]
    public async Task IsRefusedAsValidationErrorNamingTheField(MalformedCase malformed)
    {
        ArgumentNullException.ThrowIfNull(malformed);

        var response = await Client.PostBytesAsync(malformed.Method, malformed.Body(_id));

        EnvelopeAssert.IsValidationError(response, [.. malformed.Fields]);
        await AssertNothingChanged();
    }

    [Test]
    public async Task AStringOfOneMegabyteIsPayloadTooLarge()
    {
        var body = new JsonObject { ["id"] = _id, ["firstName"] = new string('a', 1024 * 1024) };

        var response = await Client.PostAsync("customer.update", body);

        EnvelopeAssert.IsError(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await AssertNothingChanged();
    }

    [Test]
    public async Task AOneMegabyteCreateIsPayloadTooLargeAndStoresNothing()
    {
        var body = CustomerRequests.Create();
        body["addresses"]![0]!["instructions"] = new string('x', 1024 * 1024);

        var response = await Client.PostAsync("customer.create", body);

        EnvelopeAssert.IsError(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await AssertNothingChanged();
    }

    [Test]
    public async Task OneHundredThousandTagsAreRefused()
    {
        var tags = new JsonArray(Enumerable.Range(0, 100_000).Select(i => (JsonNode)JsonValue.Create($"t{i}")).ToArray());

        var response = await Client.PostAsync("customer.update", new JsonObject { ["id"] = _id, ["tags"] = tags });

        if (response.Status == HttpStatusCode.RequestEntityTooLarge)
        {
            EnvelopeAssert.IsError(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        }
        else
        {
            EnvelopeAssert.IsValidationError(response, "tags");
        }

        await AssertNothingChanged();
    }

    [Test]
    public async Task ABodyOfExactlyTheLimitIsRead()
    {
        var body = PaddedTo($$"""{"id":"{{_id}}","firstName":"Limit"}""", MaxBodyBytes);

        var response = await Client.PostBytesAsync("customer.update", body);

        var customer = EnvelopeAssert.IsCustomer(response);
        Assert.That(customer["firstName"]!.GetValue<string>(), Is.EqualTo("Limit"));
        _before = await Factory.GetStoredAsync(_id);
    }

    [Test]
    public async Task ABodyOneByteOverTheLimitIsPayloadTooLarge()
    {
        var body = PaddedTo($$"""{"id":"{{_id}}","firstName":"OverLimit"}""", MaxBodyBytes + 1);

        var response = await Client.PostBytesAsync("customer.update", body);

        EnvelopeAssert.IsError(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await AssertNothingChanged();
    }

    [Test]
    public async Task AnOversizedBodyWithoutContentLengthIsPayloadTooLarge()
    {
        var body = PaddedTo($$"""{"id":"{{_id}}","firstName":"Chunked"}""", 4 * MaxBodyBytes);
        using var content = new UnsizedContent(body);

        var response = await Client.SendAsync("customer.update", content);

        EnvelopeAssert.IsError(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await AssertNothingChanged();
    }

    [Test]
    public async Task ASmallBodyWithoutContentLengthIsRead()
    {
        using var content = new UnsizedContent(Bytes($$"""{"id":"{{_id}}"}"""));

        var response = await Client.SendAsync("customer.update", content);

        EnvelopeAssert.IsCustomer(response);
        await AssertNothingChanged();
    }

    [TestCase("text/plain")]
    [TestCase("application/xml")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("multipart/form-data")]
    public async Task ANonJsonContentTypeIsUnsupportedMediaType(string contentType)
    {
        var response = await Client.PostRawAsync("customer.update", $$"""{"id":"{{_id}}","firstName":"Typed"}""", contentType);

        EnvelopeAssert.IsError(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await AssertNothingChanged();
    }

    [Test]
    public async Task AMultipartFormIsUnsupportedMediaType()
    {
        using var form = new MultipartFormDataContent { { new StringContent(_id), "id" }, { new StringContent("Form"), "firstName" } };

        var response = await Client.SendAsync("customer.update", form);

        EnvelopeAssert.IsError(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await AssertNothingChanged();
    }

    // customer.info is a read method and answers GET with query-string arguments (see ReadMethodsOverGetTests).
    [TestCase("customer.create")]
    [TestCase("customer.update")]
    public async Task GetIsMethodNotAllowed(string method)
    {
        var response = await Client.SendAsync(method, content: null, HttpMethod.Get);

        EnvelopeAssert.IsError(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Test]
    public async Task GetDoesNotUpdate()
    {
        var arguments = $"?id={_id}&firstName=ByGet&status=INACTIVE&tags=ByGet";
        var withQuery = await Client.SendAsync("customer.update" + arguments, content: null, HttpMethod.Get);
        using var content = new StringContent($$"""{"id":"{{_id}}","firstName":"ByGet"}""", Encoding.UTF8, "application/json");
        var withBody = await Client.SendAsync("customer.update", content, HttpMethod.Get);

        EnvelopeAssert.IsError(withQuery, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        EnvelopeAssert.IsError(withBody, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await AssertNothingChanged();
    }

    [Test]
    public async Task GetDoesNotCreate()
    {
        var email = CustomerRequests.UniqueEmail("byget");
        var arguments = $"?email={Uri.EscapeDataString(email)}&password=correct-horse&firstName=A&lastName=B";

        var response = await Client.SendAsync("customer.create" + arguments, content: null, HttpMethod.Get);

        EnvelopeAssert.IsError(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await AssertNothingChanged();
    }

    [TestCase("customer.delete")]
    [TestCase("customer.remove.everything")]
    [TestCase("../v2/customer.info")]
    public async Task AnUnknownRouteIsNotFound(string method)
    {
        var response = await Client.PostRawAsync(method, $$"""{"id":"{{_id}}"}""");

        EnvelopeAssert.IsError(response, HttpStatusCode.NotFound, "not_found");
        await AssertNothingChanged();
    }

    private async Task AssertNothingChanged()
    {
        Assert.That(await Factory.GetStoredAsync(_id), Is.EqualTo(_before), "the existing customer is unchanged");
        Assert.That(await Factory.CountCustomersAsync(), Is.EqualTo(_customerCount), "no customer was created");
    }

    private static TestCaseData Update(string name, Func<string, string> body, params string[] fields) =>
        new TestCaseData(new MalformedCase(name, "customer.update", id => Bytes(body(id)), fields)).SetArgDisplayNames(name);

    private static TestCaseData UpdateBytes(string name, Func<string, byte[]> head, byte[] middle, byte[] tail) =>
        new TestCaseData(new MalformedCase(name, "customer.update", id => [.. head(id), .. middle, .. tail], [])).SetArgDisplayNames(name);

    private static TestCaseData Create(string name, Action<JsonObject> change, params string[] fields) =>
        new TestCaseData(new MalformedCase(name, "customer.create", _ =>
        {
            var body = CustomerRequests.Create();
            change(body);
            return Bytes(body.ToJsonString());
        }, fields)).SetArgDisplayNames(name);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Quote(string name) => JsonValue.Create(name).ToJsonString();

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static string NestedObjects(int depth) =>
        string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    /// <summary>A JSON object followed by spaces up to exactly <paramref name="length"/> bytes: valid JSON of that size.</summary>
    private static byte[] PaddedTo(string json, int length)
    {
        var bytes = Bytes(json);
        return [.. bytes, .. Enumerable.Repeat((byte)' ', length - bytes.Length)];
    }

    /// <summary>Content with no Content-Length, as a chunked upload arrives.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
