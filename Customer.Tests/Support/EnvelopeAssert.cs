using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerService.Tests.Support;

/// <summary>Assertions on the MicroBase envelope: shapes, key order, error codes and hygiene.</summary>
public static class EnvelopeAssert
{
    public static IReadOnlyList<string> CustomerKeys { get; } =
        ["email", "firstName", "lastName", "status", "tags", "addresses", "id", "version", "createdAt", "updatedAt"];

    public static IReadOnlyList<string> AddressKeys { get; } =
        ["name", "firstName", "lastName", "address_1", "address_2", "postCode", "city", "state", "country", "company", "phone", "instructions", "id"];

    private static readonly string[] SuccessKeys = ["ok", "customer"];
    private static readonly string[] ErrorKeys = ["ok", "error"];
    private static readonly string[] ErrorWithDataKeys = ["ok", "error", "data"];
    private static readonly string[] FieldErrorKeys = ["field", "message"];
    private static readonly string[] EmailOnly = ["email"];

    /// <summary>Text that must never reach a client in an error body.</summary>
    public static IReadOnlyList<string> ForbiddenInErrors { get; } =
        ["Exception", "System.", "Microsoft.", "SELECT", "INSERT", "UPDATE ", "SQLite", ".cs:line", "   at "];

    /// <summary>A 200 <c>{"ok":true,"customer":{...}}</c> whose customer has exactly the contract's keys, in order.</summary>
    public static JsonObject IsCustomer(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        var body = response.Body;
        Assert.That(Keys(body), Is.EqualTo(SuccessKeys), response.Text);
        Assert.That(body["ok"]!.GetValueKind(), Is.EqualTo(JsonValueKind.True), response.Text);
        var customer = response.Customer;
        Assert.That(Keys(customer), Is.EqualTo(CustomerKeys), "customer keys and their order");
        Assert.That(customer["id"]!.GetValueKind(), Is.EqualTo(JsonValueKind.String));
        Assert.That(customer["version"]!.GetValueKind(), Is.EqualTo(JsonValueKind.Number));
        Assert.That(customer["tags"]!.GetValueKind(), Is.EqualTo(JsonValueKind.Array));
        foreach (var address in customer["addresses"]!.AsArray())
        {
            Assert.That(Keys(address!.AsObject()), Is.EqualTo(AddressKeys), "address keys and their order");
            var phone = address["phone"];
            Assert.That(phone is null || phone.GetValueKind() == JsonValueKind.String, Is.True, "phone is a string or null on the wire");
        }

        Assert.That(response.Text, Does.Not.Contain("password").IgnoreCase, "a response never mentions the password");
        return customer;
    }

    /// <summary>An error envelope: the status, <c>ok:false</c>, the code, keys ok/error[/data] in order, nothing leaked.</summary>
    public static void IsError(ApiResponse response, HttpStatusCode status, string code)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.That(response.Status, Is.EqualTo(status), response.Text);
        var body = response.Body;
        var keys = Keys(body);
        Assert.That(keys, Is.EqualTo(ErrorKeys).Or.EqualTo(ErrorWithDataKeys), response.Text);
        Assert.That(body["ok"]!.GetValueKind(), Is.EqualTo(JsonValueKind.False), response.Text);
        Assert.That(response.Error, Is.EqualTo(code), response.Text);
        IsHygienic(response);
    }

    /// <summary>An error envelope with exactly this body (no data, or exactly this data).</summary>
    public static void IsExactly(ApiResponse response, HttpStatusCode status, string expectedJson)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.That(response.Status, Is.EqualTo(status), response.Text);
        var expected = JsonNode.Parse(expectedJson)!.AsObject();
        Assert.That(JsonNode.DeepEquals(response.Body, expected), Is.True, $"expected {expectedJson}, got {response.Text}");
        Assert.That(Keys(response.Body), Is.EqualTo(Keys(expected)), "key order");
        IsHygienic(response);
    }

    /// <summary>
    /// A 400 (or the given status) whose data is a list of {field, message} naming at least the given fields.
    /// </summary>
    public static IReadOnlyList<string> IsFieldError(ApiResponse response, string code, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(response);
        IsError(response, HttpStatusCode.BadRequest, code);
        var data = response.Data;
        Assert.That(data, Is.Not.Null, "field errors carry data");
        Assert.That(data!.GetValueKind(), Is.EqualTo(JsonValueKind.Array), response.Text);
        Assert.That(data.AsArray(), Is.Not.Empty, response.Text);
        foreach (var entry in data.AsArray())
        {
            Assert.That(Keys(entry!.AsObject()), Is.EqualTo(FieldErrorKeys), response.Text);
            Assert.That(entry["field"]!.GetValueKind(), Is.EqualTo(JsonValueKind.String), response.Text);
            Assert.That(entry["message"]!.GetValueKind(), Is.EqualTo(JsonValueKind.String), response.Text);
            Assert.That(entry["message"]!.GetValue<string>(), Is.Not.Empty, response.Text);
        }

        var named = response.ErrorFields;
        Assert.That(named, Is.SupersetOf(fields), response.Text);
        return named;
    }

    public static IReadOnlyList<string> IsValidationError(ApiResponse response, params string[] fields) =>
        IsFieldError(response, "validation_error", fields);

    /// <summary>customer_invalid_email: a one-entry list naming <c>email</c>, like validation_error's data.</summary>
    public static void IsInvalidEmail(ApiResponse response)
    {
        var fields = IsFieldError(response, "customer_invalid_email", "email");
        Assert.That(fields, Is.EqualTo(EmailOnly), response?.Text);
    }

    /// <summary>No stack trace, exception type or SQL in the body.</summary>
    public static void IsHygienic(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var forbidden in ForbiddenInErrors)
        {
            Assert.That(response.Text, Does.Not.Contain(forbidden), $"error body leaks '{forbidden}': {response.Text}");
        }
    }

    public static List<string> Keys(JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Select(p => p.Key).ToList();
    }
}
