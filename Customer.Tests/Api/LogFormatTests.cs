using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api;

/// <summary>
/// The console format, as the real process writes it: compact JSON, one object a line, in Production
/// (what a log shipper parses); the readable template in Development (what a person at a terminal reads).
/// </summary>
public sealed partial class LogFormatTests
{
    private string _database = null!;
    private TestTokens _tokens = null!;

    [SetUp]
    public void CreatePaths()
    {
        _database = Path.Combine(Path.GetTempPath(), $"customer-logformat-{Guid.NewGuid():N}.db");
        _tokens = new TestTokens();
    }

    [TearDown]
    public void DeleteDatabase()
    {
        TestDatabase.DeleteSqliteFiles(_database);
    }

    // The second case is how a deployment or the benchmark starts it: `dotnet /path/Customer.Api.dll`
    // from some other directory, which must not lose appsettings.json (and with it the log output).
    [TestCase(false, TestName = "Production writes every line as compact JSON and the request event carries its id")]
    [TestCase(true, TestName = "Started from another directory, the service still reads its appsettings.json and logs the same way")]
    public async Task ProductionWritesEveryLineAsCompactJsonAndTheRequestEventCarriesItsId(bool fromAnotherDirectory)
    {
        using var service = await ServiceProcess.StartAsync(Settings("Production"), fromAnotherDirectory ? Path.GetTempPath() : null);
        using var client = new ApiClient(new HttpClient { BaseAddress = service.BaseAddress }, _tokens.Valid());

        await client.SendAsync("customer.create", new StringContent(CustomerRequests.Create().ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            configure: request => request.Headers.Add("x-request-id", "json-log-7"));
        var lines = await WaitForLineAsync(service, line => line.Contains("json-log-7", StringComparison.Ordinal) && line.Contains("StatusCode", StringComparison.Ordinal));

        Assert.That(lines, Is.Not.Empty);
        foreach (var line in lines)
        {
            using var parsed = ParseOrFail(line);
            Assert.That(parsed.RootElement.TryGetProperty("@t", out _), Is.True, line);
            Assert.That(parsed.RootElement.TryGetProperty("@mt", out _) || parsed.RootElement.TryGetProperty("@m", out _), Is.True, line);
        }

        using var request = ParseOrFail(lines.Last(line => line.Contains("json-log-7", StringComparison.Ordinal)));
        var root = request.RootElement;
        Assert.That(root.GetProperty("RequestId").GetString(), Is.EqualTo("json-log-7"));
        Assert.That(root.GetProperty("RequestMethod").GetString(), Is.EqualTo("POST"));
        Assert.That(root.GetProperty("RequestPath").GetString(), Does.EndWith("customer.create"));
        Assert.That(root.GetProperty("StatusCode").GetInt32(), Is.EqualTo(200));
        Assert.That(root.GetProperty("Elapsed").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(root.GetProperty("Subject").GetString(), Is.EqualTo("test-user"));
    }

    [Test]
    public async Task DevelopmentWritesReadableLinesNotJson()
    {
        using var service = await ServiceProcess.StartAsync(Settings("Development"));
        using var client = new ApiClient(new HttpClient { BaseAddress = service.BaseAddress }, _tokens.Valid());

        await client.SendAsync("customer.create", new StringContent(CustomerRequests.Create().ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            configure: request => request.Headers.Add("x-request-id", "text-log-7"));
        var lines = await WaitForLineAsync(service, line => line.Contains("text-log-7", StringComparison.Ordinal) && line.Contains("responded", StringComparison.Ordinal));

        var summary = lines.Last(line => line.Contains("text-log-7", StringComparison.Ordinal));
        Assert.That(summary, Does.Match(ReadableLine()), "[hh:mm:ss LVL] message {properties}");
        Assert.That(summary, Does.Contain("responded 200 in"));
        Assert.That(lines, Has.None.StartsWith("{"), "no line is a JSON object");
    }

    private static JsonDocument ParseOrFail(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new AssertionException($"Not a JSON line ({ex.Message}): {line}");
        }
    }

    // The request event is written as the response completes, which can be just after the client has it.
    private static async Task<IReadOnlyList<string>> WaitForLineAsync(ServiceProcess service, Func<string, bool> wanted)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var lines = service.StandardOutputLines;
            if (lines.Any(wanted))
            {
                return lines;
            }

            await Task.Delay(50);
        }

        throw new AssertionException($"No such line on standard output: {service.Output}");
    }

    private Dictionary<string, string> Settings(string environment)
    {
        var settings = _tokens.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["ASPNETCORE_ENVIRONMENT"] = environment;
        settings["ConnectionStrings__Customers"] = $"Data Source={_database}";
        settings["Serilog__MinimumLevel__Default"] = "Information";
        return settings;
    }

    [GeneratedRegex(@"^\[\d{2}:\d{2}:\d{2} INF\] HTTP POST \S+customer\.create responded 200 in [\d.]+ ms \{.*""RequestId"":""text-log-7"".*\}$")]
    private static partial Regex ReadableLine();
}
