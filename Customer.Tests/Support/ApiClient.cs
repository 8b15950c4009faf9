using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerService.Tests.Support;

/// <summary>Calls MicroBase methods the way a front-end does: POST, JSON body, bearer token.</summary>
public sealed class ApiClient(HttpClient http, string? token) : IDisposable
{
    public const string MethodsPath = "/services/customer/v1/";

    public HttpClient Http { get; } = http;

    public Task<ApiResponse> PostAsync(string method, JsonNode body) => PostRawAsync(method, body.ToJsonString());

    public Task<ApiResponse> PostRawAsync(string method, string body, string contentType = "application/json") =>
        SendAsync(method, new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)));

    public Task<ApiResponse> PostBytesAsync(string method, byte[] body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return SendAsync(method, content);
    }

    /// <summary>Calls a read method with GET, its arguments in the query string (e.g. <c>limit=5&amp;tags=a,b</c>, already encoded).</summary>
    public Task<ApiResponse> GetAsync(string method, string query = "") =>
        SendAsync(query.Length == 0 ? method : $"{method}?{query}", content: null, HttpMethod.Get);

    public async Task<ApiResponse> SendAsync(string method, HttpContent? content, HttpMethod? httpMethod = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(httpMethod ?? HttpMethod.Post, MethodsPath + method) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        configure?.Invoke(request);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(
            response.StatusCode,
            text,
            response.Headers.TryGetValues("x-request-id", out var ids) ? ids.Single() : null,
            response.Headers.TryGetValues("Retry-After", out var retryAfter) ? retryAfter.Single() : null);
    }

    /// <summary>Creates a customer and returns its id; fails the test when the service refuses.</summary>
    public async Task<string> CreateCustomerAsync(JsonObject? body = null)
    {
        var response = await PostAsync("customer.create", body ?? CustomerRequests.Create());
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        return response.Customer["id"]!.GetValue<string>();
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>A response, with its body parsed as the envelope it must be.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Text, string? RequestId, string? RetryAfter = null)
{
    public JsonObject Body => JsonNode.Parse(Text)?.AsObject() ?? throw new AssertionException($"Not a JSON object: {Text}");

    public bool Ok => Body["ok"]!.GetValue<bool>();

    public string? Error => Body["error"]?.GetValue<string>();

    public JsonNode? Data => Body["data"];

    public JsonObject Customer => Body["customer"]!.AsObject();

    /// <summary>The fields named in a validation_error's data.</summary>
    public IReadOnlyList<string> ErrorFields => Data!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList();
}
