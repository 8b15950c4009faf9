using System.Net;
using System.Text.Json.Nodes;

namespace CustomerService.Tests.Support;

/// <summary>Assertions on MicroBase envelopes shared by the HTTP tests.</summary>
public static class ApiAssert
{
    // What leaks when an exception or a query escapes into a body.
    private static readonly string[] Leaks = ["Exception", "   at ", "SELECT ", "INSERT ", "UPDATE \"", "DELETE FROM", "SQLite", "StackTrace"];

    /// <summary>A success: 200 and <c>ok: true</c>.</summary>
    public static void Success(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        Assert.That(response.Ok, Is.True, response.Text);
    }

    /// <summary>A failure with this status and code, whose body gives away no stack trace or SQL.</summary>
    public static void Error(ApiResponse response, HttpStatusCode status, string code)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(status), response.Text);
            Assert.That(response.Ok, Is.False, response.Text);
            Assert.That(response.Error, Is.EqualTo(code), response.Text);
            foreach (var leak in Leaks)
            {
                Assert.That(response.Text, Does.Not.Contain(leak).IgnoreCase, "error bodies must not carry stack traces or SQL");
            }
        });
    }

    /// <summary>The body is exactly this JSON (property order included).</summary>
    public static void BodyIs(ApiResponse response, JsonNode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(expected);
        Assert.That(response.Body.ToJsonString(), Is.EqualTo(expected.ToJsonString()), response.Text);
    }

    /// <summary>The ids of the customers in a customer.list page, in order.</summary>
    public static List<string> Ids(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return [.. response.Body["data"]!.AsArray().Select(c => c!["id"]!.GetValue<string>())];
    }
}
