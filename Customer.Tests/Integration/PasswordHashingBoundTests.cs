using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

// SQLite only: the bound is on the hashing, which is the same whatever the database.
/// <summary>A flood of sign-ins against the real, slow hasher with one hashing slot and a short wait.</summary>
public sealed class PasswordHashingBoundTests
{
    [Test]
    public async Task AFloodBeyondTheBoundIsRefused503WithRetryAfterAndNeverQueuedOrFailed()
    {
        using var factory = new CustomerApiFactory(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["Security:PasswordHashing:MaxConcurrency"] = "1",
            ["Security:PasswordHashing:MaxWait"] = "00:00:00.050",
            ["Security:PasswordHashing:MaxQueueLength"] = "2",
        });
        using var client = factory.CreateApiClient();
        var id = await client.CreateCustomerAsync();

        // A hash runs on its request's thread. With the thread pool down to one free thread (as late in a
        // full suite run, seen failing twice in CI) the requests are served one after another, each
        // finds the slot free, and the bound is never met; so the flood gets threads of its own.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), completionPorts);
        ApiResponse[] answers;
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var flood = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
            {
                await start.Task;
                return await client.PostAsync(
                    "customer.checkCredentials",
                    new JsonObject { ["email"] = CustomerRequests.UniqueEmail($"flood{i}"), ["password"] = "correct horse battery" });
            })).ToList();
            start.SetResult();
            answers = await Task.WhenAll(flood);
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completionPorts);
        }

        var info = await client.PostAsync("customer.info", new JsonObject { ["id"] = id });

        var refused = answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(HttpStatusCode.Unauthorized).Or.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(answers.Count(a => a.Status == HttpStatusCode.Unauthorized), Is.GreaterThanOrEqualTo(1), "the slot's holder was checked");
            Assert.That(refused, Is.Not.Empty, "32 at once cannot all fit one slot, a queue of 2 and a 50 ms wait");
            foreach (var response in refused)
            {
                EnvelopeAssert.IsExactly(response, HttpStatusCode.ServiceUnavailable, """{"ok":false,"error":"service_unavailable"}""");
                Assert.That(response.RetryAfter, Is.EqualTo("1"));
            }

            ApiAssert.Success(info);
        }
    }

    [Test]
    public async Task TheDefaultBoundLetsEightConcurrentClientsThroughWithoutRefusals()
    {
        using var factory = new CustomerApiFactory(DatabaseKind.Sqlite);
        using var client = factory.CreateApiClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.PostAsync(
            "customer.checkCredentials",
            new JsonObject { ["email"] = CustomerRequests.UniqueEmail($"eight{i}"), ["password"] = "correct horse battery" })));

        Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("Security:PasswordHashing:MaxConcurrency", "0")]
    [TestCase("Security:SignInThrottle:MaxEntries", "0")]
    [TestCase("Security:PasswordReset:TokenLifetime", "00:00:00")]
    public void ASettingThatMakesNoSenseStopsTheStartNamingIt(string setting, string value)
    {
        using var factory = new CustomerApiFactory(DatabaseKind.Sqlite, new Dictionary<string, string> { [setting] = value });

        using var error = new StringWriter();
        var standardError = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        }
        finally
        {
            Console.SetError(standardError);
        }

        Assert.That(error.ToString(), Does.StartWith($"Customer service refused to start: {setting} is"));
    }
}
