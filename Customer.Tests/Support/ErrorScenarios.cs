using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CustomerService.Tests.Support;

/// <summary>What an error scenario needs: clients with and without a token, and data that exists.</summary>
public sealed record ScenarioContext(ApiClient Client, ApiClient Anonymous, TestTokens Tokens, string ExistingId, string TakenEmail);

/// <summary>A request that must fail with this status and code.</summary>
public sealed record ErrorScenario(
    string Name,
    HttpStatusCode Status,
    string Code,
    Func<ScenarioContext, Action<HttpRequestMessage>, Task<ApiResponse>> Send)
{
    public override string ToString() => Name;
}

/// <summary>One request for each way the service says no, reachable without fault injection.</summary>
public static class ErrorScenarios
{
    public static IEnumerable<TestCaseData> All()
    {
        yield return Json("malformed JSON", HttpStatusCode.BadRequest, "validation_error", "customer.update", _ => "{\"id\":");
        yield return Json("empty body", HttpStatusCode.BadRequest, "validation_error", "customer.update", _ => "");
        yield return Json("wrong type", HttpStatusCode.BadRequest, "validation_error", "customer.update", c => $$"""{"id":"{{c.ExistingId}}","firstName":12}""");
        yield return Json("unknown field", HttpStatusCode.BadRequest, "validation_error", "customer.update", c => $$"""{"id":"{{c.ExistingId}}","isAdmin":true}""");
        yield return Json("deep nesting", HttpStatusCode.BadRequest, "validation_error", "customer.update", c => $$"""{"id":"{{c.ExistingId}}","tags":{{new string('[', 64)}}{{new string(']', 64)}}}""");
        yield return Json("huge number", HttpStatusCode.BadRequest, "validation_error", "customer.info", _ => """{"id":1e999999}""");
        yield return Json("rule broken", HttpStatusCode.BadRequest, "validation_error", "customer.update", c => $$"""{"id":"{{c.ExistingId}}","status":"DELETED","firstName":""}""");
        yield return Json("invalid email", HttpStatusCode.BadRequest, "customer_invalid_email", "customer.update", c => $$"""{"id":"{{c.ExistingId}}","email":"nope"}""");
        yield return Json("customer not found", HttpStatusCode.NotFound, "customer_not_found", "customer.info", _ => """{"id":"NoSuchCustomer01"}""");
        yield return Json("duplicate email", HttpStatusCode.Conflict, "duplicate_key", "customer.update", c => $$"""{"id":"{{c.ExistingId}}","email":"{{c.TakenEmail.ToUpperInvariant()}}"}""");
        yield return Scenario("invalid UTF-8", HttpStatusCode.BadRequest, "validation_error", (c, configure) =>
            c.Client.SendAsync("customer.update", Content([.. Encoding.UTF8.GetBytes($$"""{"id":"{{c.ExistingId}}","firstName":"a"""), 0xFF, .. "\"}"u8.ToArray()]), configure: configure));
        yield return Scenario("no token", HttpStatusCode.Unauthorized, "invalid_token", (c, configure) =>
            c.Anonymous.SendAsync("customer.info", Content(Encoding.UTF8.GetBytes($$"""{"id":"{{c.ExistingId}}"}""")), configure: configure));
        yield return Scenario("expired token", HttpStatusCode.Unauthorized, "invalid_token", (c, configure) =>
            c.Anonymous.SendAsync("customer.info", Content(Encoding.UTF8.GetBytes($$"""{"id":"{{c.ExistingId}}"}""")), configure: request =>
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Tokens.Expired());
                configure(request);
            }));
        yield return Scenario("unknown route", HttpStatusCode.NotFound, "not_found", (c, configure) =>
            c.Client.SendAsync("customer.nothing", Content("{}"u8.ToArray()), configure: configure));
        yield return Scenario("GET", HttpStatusCode.MethodNotAllowed, "method_not_allowed", (c, configure) =>
            c.Client.SendAsync("customer.update", content: null, HttpMethod.Get, configure));
        yield return Scenario("text/plain", HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", (c, configure) =>
            c.Client.SendAsync("customer.info", Content(Encoding.UTF8.GetBytes($$"""{"id":"{{c.ExistingId}}"}"""), "text/plain"), configure: configure));
        yield return Scenario("one megabyte", HttpStatusCode.RequestEntityTooLarge, "payload_too_large", (c, configure) =>
            c.Client.SendAsync("customer.update", Content(Encoding.UTF8.GetBytes($$"""{"id":"{{c.ExistingId}}","firstName":"{{new string('a', 1024 * 1024)}}"}""")), configure: configure));
    }

    private static TestCaseData Json(string name, HttpStatusCode status, string code, string method, Func<ScenarioContext, string> body) =>
        Scenario(name, status, code, (c, configure) => c.Client.SendAsync(method, Content(Encoding.UTF8.GetBytes(body(c))), configure: configure));

    private static TestCaseData Scenario(string name, HttpStatusCode status, string code, Func<ScenarioContext, Action<HttpRequestMessage>, Task<ApiResponse>> send) =>
        new TestCaseData(new ErrorScenario(name, status, code, send)).SetArgDisplayNames(name);

    private static ByteArrayContent Content(byte[] body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }
}
