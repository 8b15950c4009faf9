using System.Text.Json.Serialization;
using CustomerService.Application.Customers;

namespace CustomerService.Api.Http.Envelope;

/// <summary><c>{"ok": true, "customer": {...}}</c></summary>
public sealed record CustomerEnvelope(CustomerDto Customer)
{
    [JsonPropertyOrder(-1)]
    public bool Ok => true;
}

/// <summary><c>{"ok": false, "error": "code", "data": ...}</c>; <c>data</c> is left out when there is none.</summary>
public sealed record ErrorEnvelope(
    string Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Data)
{
    [JsonPropertyOrder(-1)]
    public bool Ok => false;
}
