using System.Diagnostics;
using RabbitMQ.Client;

namespace CustomerService.Tests.Support.RabbitMq;

/// <summary>
/// The real broker the broker tests run against: <c>CUSTOMER_TEST_RABBITMQ</c> (an amqp:// URI, as
/// .ci/run sets it) and, for the tests that stop it, <c>CUSTOMER_TEST_RABBITMQ_NODE</c> (the node
/// name <c>rabbitmqctl -n</c> reaches). Without them those tests are skipped, with the reason.
/// </summary>
public static class RabbitMqBroker
{
    public const string UriVariable = "CUSTOMER_TEST_RABBITMQ";

    public const string NodeVariable = "CUSTOMER_TEST_RABBITMQ_NODE";

    public const string SkipReason = "CUSTOMER_TEST_RABBITMQ is not set: the broker tests need a real RabbitMQ (amqp://guest:guest@127.0.0.1:5672/; .ci/rabbitmq-start starts one)";

    public const string NodeSkipReason = "CUSTOMER_TEST_RABBITMQ_NODE is not set: the broker outage test needs a RabbitMQ node it may stop and start with rabbitmqctl -n";

    public static string? Uri => Environment.GetEnvironmentVariable(UriVariable) is { Length: > 0 } value ? value : null;

    public static string? Node => Environment.GetEnvironmentVariable(NodeVariable) is { Length: > 0 } value ? value : null;

    public static void SkipUnlessAvailable()
    {
        if (Uri is null)
        {
            Assert.Ignore(SkipReason);
        }
    }

    public static void SkipUnlessControllable()
    {
        SkipUnlessAvailable();
        if (Node is null)
        {
            Assert.Ignore(NodeSkipReason);
        }
    }

    /// <summary>An exchange name no other test uses, so that each test sees only its own service's events.</summary>
    public static string UniqueExchange(string test) => $"customer.events.test.{test}.{Guid.NewGuid():N}";

    /// <summary>The service's settings (as environment variables) for a relay to this broker and exchange.</summary>
    public static Dictionary<string, string> ServiceSettings(string exchange, int leaseSeconds = 10) => new()
    {
        ["Messaging__RabbitMq__Uri"] = Uri ?? throw new InvalidOperationException($"{UriVariable} is not set."),
        ["Messaging__RabbitMq__Exchange"] = exchange,
        ["Messaging__RabbitMq__LeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static ConnectionFactory ConnectionFactory() => new()
    {
        Uri = new Uri(Uri ?? throw new InvalidOperationException($"{UriVariable} is not set.")),
        AutomaticRecoveryEnabled = true,
        TopologyRecoveryEnabled = true,

        // The outage test waits for every event after start_app: the collector must be back within a second.
        NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
        ClientProvidedName = "customer-service tests",
    };

    /// <summary>Deletes a queue and an exchange a test declared (through a consumer of its own, say).</summary>
    public static async Task DeleteAsync(string queue, string exchange)
    {
        await using var connection = await ConnectionFactory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
        await channel.ExchangeDeleteAsync(exchange);
    }

    /// <summary>Stops the RabbitMQ application on the node (the Erlang VM stays up): clients lose their connections.</summary>
    public static Task StopAppAsync() => RabbitMqCtlAsync("stop_app");

    public static Task StartAppAsync() => RabbitMqCtlAsync("start_app");

    /// <summary>Starts the application unless it runs already (start_app then does nothing), for a test that failed with it stopped.</summary>
    public static Task EnsureRunningAsync() => Node is null ? Task.CompletedTask : RabbitMqCtlAsync("start_app");

    private static async Task RabbitMqCtlAsync(string command)
    {
        var node = Node ?? throw new InvalidOperationException($"{NodeVariable} is not set.");
        var startInfo = Environment.UserName == "root"
            ? new ProcessStartInfo("rabbitmqctl")
            : new ProcessStartInfo("sudo") { ArgumentList = { "-n", "rabbitmqctl" } };
        foreach (var argument in new[] { "-q", "-n", node, command })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Debian's wrapper switches to the rabbitmq user, who may not read the test's working directory.
        startInfo.WorkingDirectory = Path.GetTempPath();
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardOutput = true;
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new AssertionException($"rabbitmqctl -n {node} {command} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
