using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Api.MultiInstance;
using CustomerService.Tests.Support;
using Npgsql;

namespace CustomerService.Tests.Api;

/// <summary>
/// A real service process on a real PostgreSQL server that goes away: restarted under a write load,
/// stopped, and killing the service's connection in the middle of a request. Whatever happens, an
/// answer is 200 or 503 <c>service_unavailable</c>, never 500, and nothing acknowledged is lost.
/// </summary>
[Category("Slow")]
[NonParallelizable]
public sealed class PostgreSqlServerFaultTests
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(20);

    private InstancesOnOneDatabase? _instances;

    private ApiClient Client => _instances!.Clients[0];

    [OneTimeSetUp]
    public async Task StartTheService()
    {
        PostgreSqlServer.SkipUnlessControllable();
        _instances = await InstancesOnOneDatabase.StartAsync(1, DatabaseKind.PostgreSql);
    }

    [OneTimeTearDown]
    public void StopTheService() => _instances?.Dispose();

    // A test that failed while the server was down must not leave it down for the tests after it.
    [TearDown]
    public Task TheServerRunsAgain() => PostgreSqlServer.EnsureRunningAsync();

    [Test]
    public async Task ARestartUnderAWriteLoadAnswersOnly200Or503LosesNothingAcknowledgedAndRecoversByItself()
    {
        var writers = new List<Writer>();
        for (var i = 0; i < 4; i++)
        {
            writers.Add(new Writer(Client, await Client.CreateCustomerAsync()));
        }

        using var stop = new CancellationTokenSource();
        var running = writers.Select(writer => writer.RunAsync(stop.Token)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));

        await PostgreSqlServer.RestartAsync();
        var restarted = Stopwatch.StartNew();
        while (writers.Any(writer => !writer.AcknowledgedSince(restarted)) && restarted.Elapsed < Recovery)
        {
            await Task.Delay(100);
        }

        var recoveredIn = restarted.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(running);

        var answers = writers.SelectMany(writer => writer.Answers).ToList();
        await TestContext.Out.WriteLineAsync(
            $"{answers.Count} updates: {answers.Count(a => a.Status == HttpStatusCode.OK)} answered 200, " +
            $"{answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} answered 503; every writer answered 200 again {recoveredIn.TotalSeconds:0.0} s after the restart.");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Where(a => a.Status is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)).Select(a => a.Text), Is.Empty);
            Assert.That(answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).Select(a => a.Error), Is.All.EqualTo("service_unavailable"));
            Assert.That(recoveredIn, Is.LessThan(Recovery), "every writer is answered 200 again within seconds of the restart");
        }

        foreach (var writer in writers)
        {
            await writer.AssertNothingAcknowledgedWasLostAsync();
        }
    }

    [Test]
    public async Task ReadinessIs503WhileTheServerIsDownAnd200OnceItIsBack()
    {
        var id = await Client.CreateCustomerAsync();
        Assert.That(await ReadinessAsync(), Is.EqualTo(HttpStatusCode.OK));

        await PostgreSqlServer.StopAsync();
        var whileDown = await ReadinessAsync();
        var info = await Client.PostAsync("customer.info", new JsonObject { ["id"] = id });

        await PostgreSqlServer.StartAsync();
        var back = Stopwatch.StartNew();
        var afterwards = await ReadinessAsync();
        while (afterwards != HttpStatusCode.OK && back.Elapsed < Recovery)
        {
            await Task.Delay(200);
            afterwards = await ReadinessAsync();
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileDown, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(info.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), info.Text);
            Assert.That(info.Error, Is.EqualTo("service_unavailable"));
            Assert.That(afterwards, Is.EqualTo(HttpStatusCode.OK), $"ready again within {Recovery.TotalSeconds} s");
            Assert.That((await Client.PostAsync("customer.info", new JsonObject { ["id"] = id })).Status, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task AConnectionTheServerKillsInTheMiddleOfARequestIsRetriedOrAnswered503()
    {
        var id = await Client.CreateCustomerAsync();

        // Holding the customer's row makes the service's UPDATE wait: the request is then in the middle of its save.
        await using var holder = new NpgsqlConnection(AdminConnectionString());
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, """SELECT 1 FROM "Customers" WHERE "Id" = @id FOR UPDATE""", id);

        var update = Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Killed" });
        var waiting = await WaitingBackendAsync(holder);
        Assert.That(waiting, Is.Not.Null, "the service's UPDATE never waited for the held row");
        await ExecuteAsync(holder, "SELECT pg_terminate_backend(@pid)", waiting!.Value);
        await hold.CommitAsync();

        var answer = await update;
        var stored = await Client.PostAsync("customer.info", new JsonObject { ["id"] = id });
        await TestContext.Out.WriteLineAsync($"The killed request was answered {(int)answer.Status}.");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.ServiceUnavailable), answer.Text);
            if (answer.Status == HttpStatusCode.OK)
            {
                Assert.That(stored.Customer["firstName"]!.GetValue<string>(), Is.EqualTo("Killed"));
                Assert.That(stored.Customer["version"]!.GetValue<int>(), Is.EqualTo(answer.Customer["version"]!.GetValue<int>()));
            }
            else
            {
                Assert.That(answer.Error, Is.EqualTo("service_unavailable"));
            }
        }
    }

    private async Task<HttpStatusCode> ReadinessAsync()
    {
        using var response = await Client.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return response.StatusCode;
    }

    private string AdminConnectionString() =>
        new NpgsqlConnectionStringBuilder(_instances!.ConnectionString) { Pooling = false }.ConnectionString;

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, object argument)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(argument is string ? "id" : "pid", argument);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The backend of this database that waits for a lock, once there is one (or null after 10 s).</summary>
    private static async Task<int?> WaitingBackendAsync(NpgsqlConnection connection)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await using var command = new NpgsqlCommand(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'",
                connection);
            if (await command.ExecuteScalarAsync() is int pid)
            {
                return pid;
            }

            await Task.Delay(50);
        }

        return null;
    }

    /// <summary>Renames one customer again and again, each call awaited, and keeps every answer.</summary>
    private sealed class Writer(ApiClient client, string id)
    {
        private readonly List<(int Attempt, ApiResponse Answer, TimeSpan At)> _answers = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public IEnumerable<ApiResponse> Answers
        {
            get
            {
                lock (_answers)
                {
                    return _answers.Select(a => a.Answer).ToList();
                }
            }
        }

        public async Task RunAsync(CancellationToken stop)
        {
            for (var attempt = 1; !stop.IsCancellationRequested; attempt++)
            {
                ApiResponse answer;
                try
                {
                    answer = await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = NameOf(attempt) });
                }
                catch (HttpRequestException ex)
                {
                    answer = new ApiResponse(default, ex.Message, null);
                }

                lock (_answers)
                {
                    _answers.Add((attempt, answer, _clock.Elapsed));
                }
            }
        }

        public bool AcknowledgedSince(Stopwatch restart)
        {
            var since = _clock.Elapsed - restart.Elapsed;
            lock (_answers)
            {
                return _answers.Any(a => a.Answer.Status == HttpStatusCode.OK && a.At > since);
            }
        }

        public async Task AssertNothingAcknowledgedWasLostAsync()
        {
            List<(int Attempt, ApiResponse Answer, TimeSpan At)> answers;
            lock (_answers)
            {
                answers = [.. _answers];
            }

            var acknowledged = answers.Where(a => a.Answer.Status == HttpStatusCode.OK).ToList();
            var last = acknowledged[^1];
            var stored = (await client.PostAsync("customer.info", new JsonObject { ["id"] = id })).Customer;
            var storedAttempt = int.Parse(stored["firstName"]!.GetValue<string>()["Name".Length..], System.Globalization.CultureInfo.InvariantCulture);
            using (Assert.EnterMultipleScope())
            {
                // A call answered 503 may still have committed before its connection went, so the stored name may be a later attempt's.
                Assert.That(storedAttempt, Is.InRange(last.Attempt, answers[^1].Attempt), $"stored {stored}, last acknowledged attempt {last.Attempt}");
                Assert.That(stored["version"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(last.Answer.Customer["version"]!.GetValue<int>()));
                Assert.That(
                    acknowledged.Select(a => a.Answer.Customer["version"]!.GetValue<int>()),
                    Is.Ordered.Ascending.And.Unique,
                    "each acknowledged change is a version of its own");
            }
        }

        private static string NameOf(int attempt) => "Name" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
