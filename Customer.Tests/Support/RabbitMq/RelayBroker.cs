using System.Diagnostics;
using RabbitMQ.Client;

namespace CustomerService.Tests.Support.RabbitMq;

/// <summary>
/// The test side of the real broker named by <c>CUSTOMER_TEST_RABBITMQ</c>: uniquely named exchanges and
/// queues per test, deleted on dispose (other engineers share the broker).
/// </summary>
public sealed class RelayBroker : IAsyncDisposable
{
    private readonly List<string> _exchanges = [];
    private readonly List<string> _queues = [];
    private readonly IConnection _connection;

    private RelayBroker(IConnection connection, IChannel channel, string uri)
    {
        _connection = connection;
        Channel = channel;
        Uri = uri;
    }

    public static string? ConfiguredUri => RabbitMqBroker.Uri;

    public string Uri { get; }

    public IChannel Channel { get; }

    /// <summary>A connection to the broker, or the test is skipped (with the reason) when none is configured.</summary>
    public static async Task<RelayBroker> ConnectAsync()
    {
        if (ConfiguredUri is not { } uri)
        {
            Assert.Ignore(RabbitMqBroker.SkipReason);
            throw new InvalidOperationException("unreachable");
        }

        var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
        return new RelayBroker(connection, await connection.CreateChannelAsync(), uri);
    }

    /// <summary>A fresh exchange name, deleted afterwards; the relay declares it (durable topic).</summary>
    public string NewExchange()
    {
        var name = $"relay-test-{Guid.NewGuid():N}";
        _exchanges.Add(name);
        return name;
    }

    /// <summary>A fresh queue bound to the exchange (declared here as the relay declares it) for the binding key.</summary>
    public async Task<string> BindQueueAsync(string exchange, string bindingKey = "#", IDictionary<string, object?>? arguments = null)
    {
        await Channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = $"relay-test-{Guid.NewGuid():N}";
        _queues.Add(queue);
        await Channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false, arguments);
        await Channel.QueueBindAsync(queue, exchange, bindingKey);
        return queue;
    }

    /// <summary>Waits for the next message on the queue; null after the timeout.</summary>
    public async Task<BasicGetResult?> GetAsync(string queue, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (await Channel.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                return message;
            }

            if (stopwatch.Elapsed > timeout)
            {
                return null;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Closes the broker side of the relay's connection, as a broker restart or a network cut does.</summary>
    public static async Task CloseRelayConnectionsAsync(string exchange)
    {
        var connections = await RunRabbitmqctlAsync("list_connections", "--quiet", "--no-table-headers", "pid", "client_properties");
        foreach (var line in connections.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(exchange, StringComparison.Ordinal)))
        {
            await RunRabbitmqctlAsync("close_connection", line.Split('\t')[0].Trim(), "closed by a relay test");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            await Channel.QueueDeleteAsync(queue);
        }

        foreach (var exchange in _exchanges)
        {
            await Channel.ExchangeDeleteAsync(exchange);
        }

        await Channel.CloseAsync();
        await _connection.CloseAsync();
        Channel.Dispose();
        _connection.Dispose();
    }

    private static async Task<string> RunRabbitmqctlAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (RabbitMqBroker.Node is { } node)
        {
            startInfo.ArgumentList.Add("-n");
            startInfo.ArgumentList.Add(node);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new AssertionException($"rabbitmqctl {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }
}
