using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api;

// SQLite only: the document reads no data, so it is the same whatever the provider.
/// <summary>The OpenAPI description at /openapi/v1.json, and the Scalar reference that shows it.</summary>
public sealed class OpenApiDocumentTests
{
    private const string Base = "/services/customer/v1/";

    private static readonly string[] ReadMethods = ["customer.info", "customer.list", "customer.address.info", "customer.changes"];

    private static readonly string[] WriteMethods =
    [
        "customer.create", "customer.update", "customer.remove", "customer.checkCredentials",
        "customer.address.create", "customer.address.update", "customer.address.remove",
        "customer.password.change", "customer.password.resetToken", "customer.password.reset",
    ];

    private CustomerApiFactory _factory = null!;
    private JsonNode _document = null!;

    private static IEnumerable<string> AllMethods => ReadMethods.Concat(WriteMethods);

    /// <summary>Every operation: each method's POST, and the GET of the read methods.</summary>
    private static IEnumerable<TestCaseData> Operations =>
        AllMethods.Select(m => new TestCaseData(m, "post"))
            .Concat(ReadMethods.Select(m => new TestCaseData(m, "get")));

    [OneTimeSetUp]
    public async Task LoadTheDocument()
    {
        _factory = new CustomerApiFactory(DatabaseKind.Sqlite);
        using var client = _factory.CreateClient(); // no token
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the document is served without a token");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        _document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [OneTimeTearDown]
    public void StopService() => _factory.Dispose();

    [Test]
    public void IsAnOpenApi3Document() =>
        Assert.That(_document["openapi"]!.GetValue<string>(), Does.StartWith("3."));

    [Test]
    public void DescribesEveryMethodWithExactlyItsHttpMethods()
    {
        var paths = _document["paths"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(paths.Select(p => p.Key), Is.EquivalentTo(AllMethods.Select(m => Base + m)), "one path per method, nothing else");
            foreach (var method in AllMethods)
            {
                var expected = ReadMethods.Contains(method) ? new[] { "post", "get" } : ["post"];
                Assert.That(paths[Base + method]!.AsObject().Select(o => o.Key), Is.EquivalentTo(expected), method);
            }
        });
    }

    [TestCase("duplicate_key", 409)]
    [TestCase("validation_error", 400)]
    [TestCase("customer_not_found", 404)]
    [TestCase("customer_invalid_email", 400)]
    public void CustomerUpdateListsEveryErrorOfTheSeedTableWithItsStatus(string code, int status) =>
        AssertDocumentsError("customer.update", "post", code, status);

    [TestCase("customer.create", "customer_invalid_email", 400)]
    [TestCase("customer.create", "duplicate_key", 409)]
    [TestCase("customer.info", "customer_not_found", 404)]
    [TestCase("customer.update", "version_conflict", 409)]
    [TestCase("customer.list", "validation_error", 400)]
    [TestCase("customer.remove", "customer_not_found", 404)]
    [TestCase("customer.checkCredentials", "bad_credentials", 401)]
    [TestCase("customer.address.create", "customer_not_found", 404)]
    [TestCase("customer.address.create", "version_conflict", 409)]
    [TestCase("customer.address.info", "customer_address_not_found", 404)]
    [TestCase("customer.address.update", "customer_address_not_found", 404)]
    [TestCase("customer.address.update", "version_conflict", 409)]
    [TestCase("customer.address.remove", "customer_address_not_found", 404)]
    [TestCase("customer.address.remove", "version_conflict", 409)]
    [TestCase("customer.checkCredentials", "too_many_attempts", 429)]
    [TestCase("customer.password.change", "bad_credentials", 401)]
    [TestCase("customer.password.change", "too_many_attempts", 429)]
    [TestCase("customer.password.change", "customer_not_found", 404)]
    [TestCase("customer.password.resetToken", "customer_not_found", 404)]
    [TestCase("customer.password.reset", "invalid_reset_token", 400)]
    public void DocumentsEachMethodsOwnErrors(string method, string code, int status) => AssertDocumentsError(method, "post", code, status);

    [TestCase("customer.info", "get", "customer_not_found", 404)]
    [TestCase("customer.address.info", "get", "customer_address_not_found", 404)]
    [TestCase("customer.list", "get", "validation_error", 400)]
    public void TheGetFormsDocumentTheSameErrors(string method, string verb, string code, int status) => AssertDocumentsError(method, verb, code, status);

    [TestCaseSource(nameof(Operations))]
    public void EveryOperationDocumentsTheErrorsOfTheHttpLayer(string method, string verb)
    {
        AssertDocumentsError(method, verb, "invalid_token", 401);
        AssertDocumentsError(method, verb, "forbidden", 403);
        AssertDocumentsError(method, verb, "service_unavailable", 503);
        AssertDocumentsError(method, verb, "internal_error", 500);
        AssertDocumentsError(method, verb, "uri_too_long", 414);
        AssertDocumentsError(method, verb, "headers_too_large", 431);
        if (verb == "post")
        {
            AssertDocumentsError(method, verb, "payload_too_large", 413);
            AssertDocumentsError(method, verb, "unsupported_media_type", 415);
        }
    }

    // The errors column of the README's method table, plus the errors of the HTTP layer.
    [TestCase("customer.create", "validation_error,customer_invalid_email,duplicate_key")]
    [TestCase("customer.info", "validation_error,customer_not_found")]
    [TestCase("customer.update", "validation_error,customer_invalid_email,customer_not_found,duplicate_key,version_conflict")]
    [TestCase("customer.list", "validation_error")]
    [TestCase("customer.remove", "validation_error,customer_not_found,version_conflict")]
    [TestCase("customer.address.create", "validation_error,customer_not_found,version_conflict")]
    [TestCase("customer.address.info", "validation_error,customer_not_found,customer_address_not_found")]
    [TestCase("customer.address.update", "validation_error,customer_not_found,customer_address_not_found,version_conflict")]
    [TestCase("customer.address.remove", "validation_error,customer_not_found,customer_address_not_found,version_conflict")]
    [TestCase("customer.checkCredentials", "validation_error,bad_credentials,too_many_attempts")]
    [TestCase("customer.password.change", "validation_error,customer_not_found,bad_credentials,too_many_attempts")]
    [TestCase("customer.password.resetToken", "validation_error,customer_not_found")]
    [TestCase("customer.password.reset", "validation_error,invalid_reset_token")]
    public void EachMethodDocumentsExactlyTheErrorsItCanReturn(string method, string codes)
    {
        string[] httpLayer = ["invalid_token", "forbidden", "payload_too_large", "unsupported_media_type", "uri_too_long", "headers_too_large", "service_unavailable", "internal_error"];
        Assert.That(ErrorCodesOf(Operation(method, "post")), Is.EquivalentTo(codes.Split(',').Concat(httpLayer)));
    }

    [TestCase("customer.checkCredentials", "customer_not_found")]
    [TestCase("customer.list", "customer_not_found")]
    [TestCase("customer.info", "duplicate_key")]
    [TestCase("customer.create", "customer_address_not_found")]
    [TestCase("customer.update", "bad_credentials")]
    [TestCase("customer.info", "too_many_attempts")]
    [TestCase("customer.password.reset", "bad_credentials")]
    [TestCase("customer.password.resetToken", "too_many_attempts")]
    public void DoesNotDocumentErrorsAMethodCannotReturn(string method, string code) =>
        Assert.That(ErrorCodesOf(Operation(method, "post")), Does.Not.Contain(code));

    [TestCase("customer.update", "customer_not_found", new[] { "id" })]
    [TestCase("customer.update", "duplicate_key", new[] { "index", "value" })]
    [TestCase("customer.address.info", "customer_address_not_found", new[] { "customerId", "addressId" })]
    [TestCase("customer.address.update", "version_conflict", new[] { "id", "expected", "actual" })]
    [TestCase("customer.password.change", "too_many_attempts", new[] { "retryAfter" })]
    [TestCase("customer.password.resetToken", "customer_not_found", new[] { "email" })]
    public void DescribesTheDataOfAnError(string method, string code, string[] fields)
    {
        var data = Resolve(EnvelopeSchema(method, code)["properties"]!["data"]!);
        Assert.That(data["properties"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(fields));
        Assert.That(data["required"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EquivalentTo(fields));
    }

    [Test]
    public void TheResetTokenExampleOfCustomerNotFoundNamesTheEmail()
    {
        var example = MediaOf(Operation("customer.password.resetToken", "post"), 404)!["examples"]!["customer_not_found"]!["value"]!;
        Assert.That(example["data"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "email" }));
    }

    [Test]
    public void ThePasswordMethodsRequestSchemasCarryThePasswordRules()
    {
        var change = Resolve(Operation("customer.password.change", "post")["requestBody"]!["content"]!["application/json"]!["schema"]!);
        var reset = Resolve(Operation("customer.password.reset", "post")["requestBody"]!["content"]!["application/json"]!["schema"]!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(change["required"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EquivalentTo(new[] { "id", "password", "newPassword" }));
            Assert.That(change["properties"]!["newPassword"]!["minLength"]!.GetValue<int>(), Is.EqualTo(CustomerRules.MinPasswordLength));
            Assert.That(change["properties"]!["newPassword"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(CustomerRules.MaxPasswordLength));
            Assert.That(reset["required"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EquivalentTo(new[] { "token", "newPassword" }));
            Assert.That(reset["properties"]!["newPassword"]!["minLength"]!.GetValue<int>(), Is.EqualTo(CustomerRules.MinPasswordLength));
        }
    }

    [TestCase("validation_error")]
    [TestCase("customer_invalid_email")]
    public void AValidationErrorsDataIsAListOfFieldAndMessage(string code)
    {
        var data = EnvelopeSchema("customer.update", code)["properties"]!["data"]!;
        Assert.That(data["type"]!.ToString(), Does.Contain("array"));
        Assert.That(data["items"]!["required"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EquivalentTo(new[] { "field", "message" }));
    }

    [Test]
    public void DefinesTheBearerSecurityScheme()
    {
        var scheme = _document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.That(scheme["type"]!.GetValue<string>(), Is.EqualTo("http"));
        Assert.That(scheme["scheme"]!.GetValue<string>(), Is.EqualTo("bearer"));
        Assert.That(scheme["bearerFormat"]!.GetValue<string>(), Is.EqualTo("JWT"));
    }

    [TestCaseSource(nameof(Operations))]
    public void EveryOperationRequiresTheBearerSchemeWithItsScope(string method, string verb)
    {
        var security = Operation(method, verb)["security"]!.AsArray();
        var scope = ReadMethods.Contains(method) ? "customers.read" : "customers.write";
        Assert.That(security, Has.Count.EqualTo(1));
        Assert.That(security[0]!["Bearer"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { scope }));
    }

    [TestCaseSource(nameof(Operations))]
    public void EveryOperationHasAnExampleRequest(string method, string verb)
    {
        var operation = Operation(method, verb);
        if (verb == "post")
        {
            var example = operation["requestBody"]!["content"]!["application/json"]!["example"];
            Assert.That(example?.AsObject(), Is.Not.Null.And.Not.Empty);
        }
        else
        {
            var parameters = operation["parameters"]!.AsArray();
            Assert.That(parameters.Where(p => p!["example"] is not null), Is.Not.Empty);
            Assert.That(parameters.Where(p => p!["required"]?.GetValue<bool>() == true && p["example"] is null), Is.Empty, "every required parameter has an example");
        }
    }

    [TestCaseSource(nameof(Operations))]
    public void EveryOperationDescribesItsSuccessEnvelope(string method, string verb)
    {
        var schema = Resolve(Operation(method, verb)["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        Assert.That(schema["properties"]!["ok"]!["enum"]!.AsArray().Select(v => v!.GetValue<bool>()), Is.EqualTo(new[] { true }));
        Assert.That(schema["required"]!.AsArray().Select(v => v!.GetValue<string>()), Does.Contain("ok"));
    }

    [Test]
    public void TheUpdateRequestSchemaCarriesTheValidatorsRules()
    {
        var schema = Resolve(Operation("customer.update", "post")["requestBody"]!["content"]!["application/json"]!["schema"]!);
        var properties = schema["properties"]!;
        Assert.Multiple(() =>
        {
            Assert.That(schema["required"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EquivalentTo(new[] { "id" }));
            Assert.That(schema["additionalProperties"]!.GetValue<bool>(), Is.False, "unknown fields are a validation_error");
            Assert.That(properties["status"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EquivalentTo(new[] { "ACTIVE", "INACTIVE" }));
            Assert.That(properties["id"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(EntityId.MaxLength));
            Assert.That(properties["email"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(EmailAddress.MaxLength));
            Assert.That(properties["firstName"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(CustomerRules.MaxNameLength));
            Assert.That(properties["lastName"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(CustomerRules.MaxNameLength));
            Assert.That(properties["tags"]!["maxItems"]!.GetValue<int>(), Is.EqualTo(CustomerRules.MaxTags));
            Assert.That(properties["tags"]!["items"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(CustomerRules.MaxTagLength));
            Assert.That(properties["version"]!["type"]!.ToString(), Does.Contain("integer").And.Not.Contain("string"));
            Assert.That(properties.AsObject().Select(p => p.Key), Does.Not.Contain("password"));
        });
    }

    [Test]
    public void TheCreateRequestSchemaRequiresTheContractsFields()
    {
        var schema = Resolve(Operation("customer.create", "post")["requestBody"]!["content"]!["application/json"]!["schema"]!);
        Assert.That(schema["required"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EquivalentTo(new[] { "email", "password", "firstName", "lastName" }));
        Assert.That(schema["properties"]!["password"]!["minLength"]!.GetValue<int>(), Is.EqualTo(CustomerRules.MinPasswordLength));
        var address = Resolve(schema["properties"]!["addresses"]!["items"]!);
        Assert.That(address["required"]!.AsArray().Select(v => v!.GetValue<string>()), Does.Contain("address_1").And.Contain("postCode"));
        Assert.That(address["properties"]!["address_1"]!["maxLength"]!.GetValue<int>(), Is.EqualTo(AddressDetails.MaxLineLength));
    }

    [Test]
    public async Task ScalarIsServedWhenEnabled()
    {
        using var factory = new CustomerApiFactory(DatabaseKind.Sqlite, extraSettings: new Dictionary<string, string> { ["OpenApi:ScalarEnabled"] = "true" });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/scalar", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    [Test]
    public async Task ScalarIsNotServedByDefault()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/scalar", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private JsonNode Operation(string method, string verb) =>
        _document["paths"]![Base + method]?[verb] ?? throw new AssertionException($"{verb.ToUpperInvariant()} {method} is not in the document");

    private static JsonNode? MediaOf(JsonNode operation, int status) => operation["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"];

    private static IEnumerable<string> ErrorCodesOf(JsonNode operation) =>
        operation["responses"]!.AsObject()
            .Where(r => r.Key != "200")
            .SelectMany(r => r.Value!["content"]!["application/json"]!["examples"]!.AsObject().Select(e => e.Key));

    private void AssertDocumentsError(string method, string verb, string code, int status)
    {
        var media = MediaOf(Operation(method, verb), status);
        Assert.That(media, Is.Not.Null, $"{method} ({verb}) documents no {status} response");
        var example = media!["examples"]?[code]?["value"];
        Assert.That(example, Is.Not.Null, $"{method} ({verb}) has no example of {code} under {status}");
        Assert.That(example!["ok"]!.GetValue<bool>(), Is.False);
        Assert.That(example["error"]!.GetValue<string>(), Is.EqualTo(code));
        var schema = media["schema"]!;
        var envelopes = schema["oneOf"]?.AsArray().Select(s => s!) ?? [schema];
        Assert.That(
            envelopes.Select(e => e["properties"]!["error"]!["enum"]![0]!.GetValue<string>()),
            Does.Contain(code),
            $"{method} ({verb}): the {status} schema does not describe {code}");
    }

    private JsonNode EnvelopeSchema(string method, string code)
    {
        var responses = Operation(method, "post")["responses"]!.AsObject();
        foreach (var (_, response) in responses)
        {
            var schema = response!["content"]?["application/json"]?["schema"];
            var candidates = schema?["oneOf"]?.AsArray().Select(s => s!) ?? (schema is null ? [] : [schema]);
            if (candidates.FirstOrDefault(c => c["properties"]?["error"]?["enum"]?[0]?.GetValue<string>() == code) is { } found)
            {
                return found;
            }
        }

        throw new AssertionException($"{method} has no schema for {code}");
    }

    private JsonNode Resolve(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? _document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!
            : schema;
}
