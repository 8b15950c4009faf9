using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.CheckCustomerCredentials;
using CustomerService.Application.Customers.ListCustomers;

namespace CustomerService.Api.Http.Envelope;

/// <summary><c>{"ok": true, "customer": {...}}</c></summary>
public sealed record CustomerEnvelope(CustomerDto Customer)
{
    [JsonPropertyOrder(-1)]
    public bool Ok => true;
}

/// <summary><c>{"ok": true, "page": {"limit", "skip", "total"}, "data": [customer, ...]}</c></summary>
public sealed record CustomerListEnvelope(PageDto Page, IReadOnlyList<CustomerDto> Data)
{
    [JsonPropertyOrder(-1)]
    public bool Ok => true;
}

/// <summary><c>{"ok": true, "address": {...}}</c></summary>
public sealed record AddressEnvelope(AddressDto Address)
{
    [JsonPropertyOrder(-1)]
    public bool Ok => true;
}

/// <summary><c>{"ok": true, "customer": {"id": ...}}</c>: which customer a login belongs to.</summary>
public sealed record CustomerIdEnvelope(CustomerIdDto Customer)
{
    [JsonPropertyOrder(-1)]
    public bool Ok => true;
}

/// <summary><c>{"ok": true, "changes": [CloudEvent, ...], "next": "cursor"}</c>: one page of the change feed.</summary>
public sealed record CustomerChangesEnvelope(IReadOnlyList<JsonElement> Changes, string Next)
{
    [JsonPropertyOrder(-1)]
    public bool Ok => true;
}

/// <summary><c>{"ok": true, "token": ..., "expiresAt": ...}</c>: a reset token, the one time it is answered.</summary>
public sealed record PasswordResetTokenEnvelope(string Token, DateTime ExpiresAt)
{
    [JsonPropertyOrder(-1)]
    public bool Ok => true;
}

/// <summary><c>{"ok": true}</c>, for methods whose success has nothing more to say.</summary>
public sealed record OkEnvelope
{
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
