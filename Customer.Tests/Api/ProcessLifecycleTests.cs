using System.Globalization;
using System.Net;
using CustomerService.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CustomerService.Tests.Api;

/// <summary>The real process under signals: SIGTERM drains and exits 0; SIGKILL loses nothing it acknowledged.</summary>
public sealed class ProcessLifecycleTests
{
    private string _database = null!;
    private TestTokens _tokens = null!;

    [SetUp]
    public void CreatePaths()
    {
        _database = Path.Combine(Path.GetTempPath(), $"customer-lifecycle-{Guid.NewGuid():N}.db");
        _tokens = new TestTokens();
    }

    [TearDown]
    public void DeleteDatabase()
    {
        TestDatabase.DeleteSqliteFiles(_database);
    }

    [Test]
    public async Task SigtermStopsAcceptingFinishesTheRequestInFlightAndExitsZero()
    {
        using var service = await ServiceProcess.StartAsync(Settings(busyTimeoutSeconds: 15));
        using var client = Client(service);
        var id = await client.CreateCustomerAsync();

        Task<ApiResponse> inFlight;
        await using (var holder = new SqliteConnection($"Data Source={_database};Pooling=False"))
        {
            // The update reads, then waits inside the busy timeout for the write lock the test holds.
            await holder.OpenAsync();
            await using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();
            inFlight = client.PostRawAsync("customer.update", $$"""{"id":"{{id}}","firstName":"Drained"}""");
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.That(inFlight.IsCompleted, Is.False, "the update is waiting for the lock");

            await service.TerminateAsync();

            Assert.That(await RefusesNewConnectionsAsync(service.BaseAddress, TimeSpan.FromSeconds(10)), Is.True, "a stopping service accepts no new connections");
            Assert.That(inFlight.IsCompleted, Is.False, "the in-flight request is not cut off");
            Assert.That(service.HasExited, Is.False, "the service waits for the request in flight");
        }

        var response = await inFlight;
        var exited = await service.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        Assert.That(response.Customer["firstName"]!.GetValue<string>(), Is.EqualTo("Drained"));
        Assert.That(exited, Is.True, "the service exits once the request has finished");
        Assert.That(service.ExitCode, Is.Zero, service.Output);
    }

    [Test]
    [Category("Slow")]
    public async Task SigkillDuringAWriteLoadLosesNoAcknowledgedUpdateAndLeavesTheDatabaseIntact()
    {
        const int workers = 8;
        var settings = Settings(busyTimeoutSeconds: 5);
        var acknowledged = new long[workers];
        var sent = new long[workers];
        string[] ids;

        using (var service = await ServiceProcess.StartAsync(settings))
        {
            using var client = Client(service);
            ids = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => client.CreateCustomerAsync()));

            var load = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
            {
                for (long sequence = 1; ; sequence++)
                {
                    Volatile.Write(ref sent[worker], sequence);
                    try
                    {
                        var response = await client.PostRawAsync("customer.update", $$"""{"id":"{{ids[worker]}}","firstName":"n{{sequence}}"}""");
                        if (response.Status == HttpStatusCode.OK)
                        {
                            Volatile.Write(ref acknowledged[worker], sequence);
                        }

                    }
                    catch (HttpRequestException)
                    {
                        return; // the process is gone
                    }
                }
            })).ToList();

            // A second or two of load, longer on a loaded machine: until every worker has had a few
            // updates acknowledged, so the kill lands in the middle of a steady write load.
            var loadStarted = DateTime.UtcNow;
            while (DateTime.UtcNow - loadStarted < TimeSpan.FromSeconds(20)
                && (DateTime.UtcNow - loadStarted < TimeSpan.FromSeconds(1.5) || Enumerable.Range(0, workers).Any(w => Volatile.Read(ref acknowledged[w]) < 5)))
            {
                await Task.Delay(50);
            }

            service.KillHard();
            await Task.WhenAll(load);
        }

        Assert.That(acknowledged, Has.All.GreaterThan(0), "every worker had updates acknowledged before the kill");

        var stored = new long[workers];
        using (var restarted = await ServiceProcess.StartAsync(settings))
        {
            using var client = Client(restarted);
            for (var worker = 0; worker < workers; worker++)
            {
                var info = await client.PostRawAsync("customer.info", $$"""{"id":"{{ids[worker]}}"}""");
                Assert.That(info.Status, Is.EqualTo(HttpStatusCode.OK), info.Text);
                stored[worker] = long.Parse(info.Customer["firstName"]!.GetValue<string>()[1..], CultureInfo.InvariantCulture);
            }

            await restarted.TerminateAsync();
            Assert.That(await restarted.WaitForExitAsync(TimeSpan.FromSeconds(20)), Is.True);
        }

        string integrity;
        await using (var connection = new SqliteConnection($"Data Source={_database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            integrity = (string)(await check.ExecuteScalarAsync())!;
        }

        Assert.Multiple(() =>
        {
            for (var worker = 0; worker < workers; worker++)
            {
                Assert.That(stored[worker], Is.GreaterThanOrEqualTo(acknowledged[worker]).And.LessThanOrEqualTo(sent[worker]), $"customer {worker}");
            }

            Assert.That(integrity, Is.EqualTo("ok"));
        });
    }

    private ApiClient Client(ServiceProcess service) => new(new HttpClient { BaseAddress = service.BaseAddress }, _tokens.Valid());

    private static async Task<bool> RefusesNewConnectionsAsync(Uri baseAddress, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var fresh = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = baseAddress };
            try
            {
                using var response = await fresh.GetAsync(new Uri("/health/live", UriKind.Relative));
            }
            catch (HttpRequestException)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private Dictionary<string, string> Settings(int busyTimeoutSeconds)
    {
        var settings = _tokens.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["ConnectionStrings__Customers"] = $"Data Source={_database}";
        settings["Database__SqliteBusyTimeoutSeconds"] = busyTimeoutSeconds.ToString(CultureInfo.InvariantCulture);
        settings["Serilog__MinimumLevel__Default"] = "Warning";
        return settings;
    }
}
