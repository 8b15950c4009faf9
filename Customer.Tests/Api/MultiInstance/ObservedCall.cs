using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>One call a simulated client made, and what it got back (no status when no answer came).</summary>
public sealed record ObservedCall(
    int Round,
    TimeSpan At,
    string Client,
    int Instance,
    string Method,
    string Request,
    int? SentVersion,
    HttpStatusCode? Status,
    string Answer)
{
    // Enough of a customer to see its fields and version; a whole one with addresses runs to several KB.
    private const int ShownAnswerLength = 1200;

    private readonly Lazy<JsonObject?> _body = new(() => Parse(Answer));

    public bool IsOk => Status == HttpStatusCode.OK;

    public JsonObject? Body => _body.Value;

    public string? Error => Body?["error"] is JsonValue error && error.TryGetValue<string>(out var code) ? code : null;

    public JsonNode? Data => Body?["data"];

    /// <summary>The whole customer a 200 answer carries, for the methods that answer with one.</summary>
    public JsonObject? Customer => IsOk && Method is not ("customer.checkCredentials" or "customer.remove" or "customer.list")
        ? Body?["customer"] as JsonObject
        : null;

    public bool Is(HttpStatusCode status, string error) => Status == status && Error == error;

    public override string ToString() =>
        $"round {Round} +{At.TotalMilliseconds:0} ms, {Client} via instance {Instance}: {Method} {Request} -> " +
        $"{(Status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "no answer")} " +
        (Answer.Length <= ShownAnswerLength ? Answer : $"{Answer[..ShownAnswerLength]}...");

    private static JsonObject? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
