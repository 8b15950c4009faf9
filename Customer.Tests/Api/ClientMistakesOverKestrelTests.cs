using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api;

/// <summary>
/// Over real Kestrel: requests too long in the line or the headers get the envelope and an x-request-id
/// wherever Kestrel lets the service answer, and no client mistake is logged as a warning or an error.
/// </summary>
[NonParallelizable]
public sealed class ClientMistakesOverKestrelTests
{
    private readonly TestTokens _tokens = new();
    private string _database = null!;
    private ServiceProcess _service = null!;

    [OneTimeSetUp]
    public async Task StartService()
    {
        _database = Path.Combine(Path.GetTempPath(), $"customer-mistakes-{Guid.NewGuid():N}.db");
        var settings = _tokens.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["ConnectionStrings__Customers"] = $"Data Source={_database}";
        _service = await ServiceProcess.StartAsync(settings);
    }

    [OneTimeTearDown]
    public void StopService()
    {
        _service.Dispose();
        TestDatabase.DeleteSqliteFiles(_database);
    }

    [Test]
    public async Task ATooLongRequestTargetGetsTheEnvelopeAndTheRequestId()
    {
        var exchange = await RawHttpExchange.SendAsync(_service.BaseAddress, "GET", $"{ApiClient.MethodsPath}customer.info?id={new string('a', 9_000)}",
            [("Authorization", $"Bearer {_tokens.Valid()}"), ("x-request-id", "long-target-1")]);

        AssertEnvelope(exchange, 414, "uri_too_long", "long-target-1");
    }

    [Test]
    public async Task AHundredKilobyteTokenGetsTheEnvelopeAndARequestId()
    {
        var exchange = await RawHttpExchange.SendAsync(_service.BaseAddress, "GET", $"{ApiClient.MethodsPath}customer.info?id=abc",
            [("Authorization", $"Bearer {new string('t', 100_000)}")]);

        AssertEnvelope(exchange, 431, "headers_too_large", expectedRequestId: null);
    }

    [Test]
    public async Task TooManyHeaderFieldsGetTheEnvelope()
    {
        var headers = Enumerable.Range(0, 150).Select(i => ($"x-extra-{i}", "1")).ToList();

        var exchange = await RawHttpExchange.SendAsync(_service.BaseAddress, "GET", "/health/live", headers);

        AssertEnvelope(exchange, 431, "headers_too_large", expectedRequestId: null);
    }

    [Test]
    public async Task BeyondKestrelsOwnLimitKestrelAnswersBare()
    {
        // Documented limit of the envelope: past 4 x 8 KiB of request line Kestrel refuses before the service runs.
        var exchange = await RawHttpExchange.SendAsync(_service.BaseAddress, "GET", $"/health/live?x={new string('a', 40_000)}", []);

        Assert.That(exchange.Status, Is.EqualTo(414));
        Assert.That(exchange.Body, Is.Empty);
    }

    [Test]
    public async Task ClientMistakesAreLoggedBelowWarningAndWithoutStackTraces()
    {
        using var client = new ApiClient(new HttpClient { BaseAddress = _service.BaseAddress }, _tokens.Valid());
        var before = _service.StandardOutputLines.Count;

        var tooLarge = await client.SendAsync("customer.create",
            new StringContent($$"""{"email":"{{new string('x', 70_000)}}"}""", Encoding.UTF8, "application/json"),
            configure: request => request.Headers.ExpectContinue = true);
        var cutShort = await SendBodyCutShortAsync(stopSending: true);
        var tooSlow = await SendBodyCutShortAsync(stopSending: false);
        await RawHttpExchange.SendAsync(_service.BaseAddress, "GET", $"/health/live?x={new string('a', 9_000)}", []);
        await RawHttpExchange.SendAsync(_service.BaseAddress, "GET", "/health/live", [("x-big", new string('h', 40_000))]);
        var invalid = await client.PostAsync("customer.create", new JsonObject { ["email"] = "nope" });
        var unknown = await client.PostAsync("customer.info", new JsonObject { ["id"] = "nope" });
        using (var badToken = new ApiClient(new HttpClient { BaseAddress = _service.BaseAddress }, _tokens.Expired()))
        {
            await badToken.PostAsync("customer.info", new JsonObject { ["id"] = "nope" });
        }

        var lines = await WaitForRequestEventsAsync(before, 8);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tooLarge.Error, Is.EqualTo("payload_too_large"));
            Assert.That(cutShort, Is.Empty, "a client that hangs up mid-body gets no answer");
            Assert.That(tooSlow, Does.StartWith("HTTP/1.1 4"), tooSlow);
            Assert.That(invalid.Error, Is.EqualTo("validation_error"));
            Assert.That(unknown.Error, Is.EqualTo("customer_not_found"));
            Assert.That(lines.Where(IsWarningOrWorse), Is.Empty, "client mistakes are Information or Debug");
            Assert.That(lines.Where(line => line.Contains("\"@x\"", StringComparison.Ordinal)), Is.Empty, "and carry no stack trace");
            Assert.That(lines, Has.Some.Contains("Request body refused (413)"));
            Assert.That(lines, Has.Some.Contains("responded 499"), "the body cut short: the framework's own Debug event, then the request event");
            Assert.That(lines, Has.Some.Contains("Request body refused (408)"), "the body that stopped arriving");
        }
    }

    private static bool IsWarningOrWorse(string line) =>
        line.Contains("\"@l\":\"Warning\"", StringComparison.Ordinal)
        || line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal)
        || line.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal);

    // Announces a 1000-byte body and sends 20 bytes; then hangs up (a client giving up mid-upload) or just
    // stops sending, until Kestrel's minimum data rate (240 bytes/s after a 5 s grace) refuses the body.
    private async Task<string> SendBodyCutShortAsync(bool stopSending)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_service.BaseAddress.Host, _service.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var head = $"POST {ApiClient.MethodsPath}customer.create HTTP/1.1\r\nHost: {_service.BaseAddress.Authority}\r\n" +
            $"Authorization: Bearer {_tokens.Valid()}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n" +
            """{"email":"cut@exam""";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        if (stopSending)
        {
            tcp.Client.Shutdown(SocketShutdown.Send);
        }

        using var received = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await stream.CopyToAsync(received, timeout.Token);
        return Encoding.ASCII.GetString(received.ToArray());
    }

    private async Task<IReadOnlyList<string>> WaitForRequestEventsAsync(int before, int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var lines = _service.StandardOutputLines.Skip(before).ToList();
            if (lines.Count(line => line.Contains("responded", StringComparison.Ordinal)) >= count)
            {
                return lines;
            }

            await Task.Delay(50);
        }

        return _service.StandardOutputLines.Skip(before).ToList();
    }

    private static void AssertEnvelope(RawHttpExchange exchange, int status, string code, string? expectedRequestId)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exchange.Status, Is.EqualTo(status));
            Assert.That(Encoding.UTF8.GetString(exchange.Body), Does.Contain($$"""{"ok":false,"error":"{{code}}"}"""));
            Assert.That(exchange.Headers["content-type"], Does.StartWith("application/json"));
            Assert.That(exchange.Headers, Does.ContainKey("x-request-id"));
            if (expectedRequestId is not null)
            {
                Assert.That(exchange.Headers["x-request-id"], Is.EqualTo(expectedRequestId));
            }
        }
    }
}
