using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CustomerService.Tests.Support.RabbitMq;

/// <summary>
/// A queue of the test's own, bound with <c>#</c> to the exchange a service publishes to, recording
/// every delivery in arrival order. Durable, so that it and what it holds survive the broker's app being
/// stopped and started (the client then reconnects and resumes consuming by itself); <c>x-expires</c>
/// removes it from the broker if a test dies before disposing it.
/// </summary>
public sealed class QueueRecorder : IAsyncDisposable
{
    private readonly List<BrokerMessage> _messages = [];
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private QueueRecorder(IConnection connection, IChannel channel, string exchange, string name)
    {
        _connection = connection;
        _channel = channel;
        Exchange = exchange;
        Name = name;
    }

    public string Exchange { get; }

    public string Name { get; }

    /// <summary>Everything delivered so far, in arrival order, duplicates included.</summary>
    public IReadOnlyList<BrokerMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>
    /// Declares the exchange (as the service declares it: a durable topic exchange) and the queue before
    /// the service starts, so that no event is published before the queue is bound to receive it.
    /// </summary>
    public static async Task<QueueRecorder> BindAsync(string exchange)
    {
        RabbitMqBroker.SkipUnlessAvailable();
        var connection = await RabbitMqBroker.ConnectionFactory().CreateConnectionAsync();
        try
        {
            var channel = await connection.CreateChannelAsync();
            var name = $"{exchange}.all";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
            await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-expires"] = (int)TimeSpan.FromMinutes(10).TotalMilliseconds });
            await channel.QueueBindAsync(name, exchange, "#");
            var queue = new QueueRecorder(connection, channel, exchange, name);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) =>
            {
                queue.Record(delivery);
                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync(name, autoAck: true, consumer);
            return queue;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls until <paramref name="done"/> holds for the deliveries so far, or the timeout passes; returns whether it held.</summary>
    public async Task<bool> WaitUntilAsync(Func<IReadOnlyList<BrokerMessage>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (done(Messages))
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until every one of these event ids has been delivered at least once, or the timeout passes.</summary>
    public Task<bool> WaitForEventsAsync(IEnumerable<string> eventIds, TimeSpan timeout)
    {
        var wanted = eventIds.ToHashSet(StringComparer.Ordinal);
        return WaitUntilAsync(messages => wanted.IsSubsetOf(messages.Select(m => m.MessageId ?? "")), timeout);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_channel.IsOpen)
            {
                await _channel.QueueDeleteAsync(Name);
                await _channel.ExchangeDeleteAsync(Exchange);
            }
        }
        finally
        {
            await _channel.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }

    private void Record(BasicDeliverEventArgs delivery)
    {
        // The body's memory belongs to the client once the handler returns: copy it.
        var message = new BrokerMessage(
            delivery.Body.ToArray(),
            delivery.BasicProperties.MessageId,
            delivery.RoutingKey,
            delivery.BasicProperties.ContentType,
            delivery.BasicProperties.DeliveryMode,
            DateTime.UtcNow);
        lock (_messages)
        {
            _messages.Add(message);
        }
    }
}
