using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerService.Tests.Integration.Fuzz;

/// <summary>What every answer to every body must be, checked without NUnit so fifty thousand answers stay cheap.</summary>
public static partial class EnvelopeShape
{
    // Stack frames, exception and .NET type names, and SQL: none may reach a client.
    private static readonly string[] Leaks =
    [
        "Exception", "   at ", ".cs:line", "StackTrace", "System.", "Microsoft.", "CustomerService.", "Newtonsoft",
        "SELECT ", "INSERT ", "UPDATE ", "DELETE ", " FROM ", " WHERE ", "SQLite", "sqlite_", "SqlServer", "EntityFramework",
    ];

    /// <summary>Null when the answer is acceptable, otherwise what is wrong with it.</summary>
    public static string? Problem(HttpStatusCode status, string text, string? resultProperty)
    {
        if ((int)status >= 500)
        {
            return $"status {(int)status}";
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return "body is not JSON";
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "body is not a JSON object";
            }

            if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return "no boolean ok";
            }

            if (ok.ValueKind == JsonValueKind.True)
            {
                if (status != HttpStatusCode.OK)
                {
                    return $"ok:true with status {(int)status}";
                }

                return resultProperty is null || root.TryGetProperty(resultProperty, out var result) && result.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                    ? null
                    : $"ok:true without '{resultProperty}'";
            }

            if ((int)status < 400)
            {
                return $"ok:false with status {(int)status}";
            }

            if (!root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.String || !ErrorCode().IsMatch(error.GetString()!))
            {
                return "error is not a snake_case code";
            }

            foreach (var leak in Leaks)
            {
                if (text.Contains(leak, StringComparison.Ordinal))
                {
                    return $"error body leaks '{leak}'";
                }
            }

            return null;
        }
    }

    [GeneratedRegex("^[a-z_]+$")]
    private static partial Regex ErrorCode();
}
