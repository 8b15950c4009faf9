// An example consumer of the customer service's events (README, "Consuming events"): RabbitMQ.Client 7
// and System.Text.Json, nothing else. It keeps a local copy of every customer, as a search index or an
// orders service would. Compiled and tested with Customer.Tests (ConsumerExampleTests).
using System.Text.Json.Nodes;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CustomerEvents.Example;

/// <summary>
/// Consumes <c>customer.*</c> from the service's exchange through a durable queue of its own, and
/// applies each event to its copy of the customers: once per event id, and never an older version
/// over a newer one.
/// </summary>
public sealed class CustomerEventsConsumer : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly CustomerCopies _copies = new();

    private CustomerEventsConsumer(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>The customers as the events have told them so far: id → the customer as customer.info returns it.</summary>
    public IReadOnlyDictionary<string, JsonObject> Customers => _copies.Snapshot();

    /// <summary>
    /// Declares the queue and its binding (both idempotent, so every start of the consumer may do it)
    /// and starts consuming. The queue is durable and named for this consumer: events published while
    /// the consumer is down wait in it.
    /// </summary>
    public static async Task<CustomerEventsConsumer> StartAsync(Uri broker, string queue, string exchange = "customer.events", CancellationToken cancellationToken = default)
    {
        // Automatic recovery reconnects after a broker restart and re-declares the queue and consumer.
        var factory = new ConnectionFactory { Uri = broker, AutomaticRecoveryEnabled = true, TopologyRecoveryEnabled = true };
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);

        // The service declares the exchange too; declaring it here lets the consumer start first.
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, exchange, "customer.*", cancellationToken: cancellationToken);

        // At most 50 unacknowledged deliveries at a time: a slow consumer is not flooded.
        await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: 50, global: false, cancellationToken);

        var consumer = new CustomerEventsConsumer(connection, channel);
        var deliveries = new AsyncEventingBasicConsumer(channel);
        deliveries.ReceivedAsync += consumer.OnDeliveryAsync;
        await channel.BasicConsumeAsync(queue, autoAck: false, deliveries, cancellationToken);
        return consumer;
    }

    /// <summary>
    /// Applies one CloudEvent, from the broker or from a page of <c>customer.changes</c> (the same JSON),
    /// so that a consumer can catch up from the feed and then follow the broker.
    /// </summary>
    public bool Apply(JsonObject cloudEvent) => _copies.Apply(cloudEvent);

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task OnDeliveryAsync(object sender, BasicDeliverEventArgs delivery)
    {
        JsonObject? cloudEvent;
        try
        {
            cloudEvent = JsonNode.Parse(delivery.Body.Span)?.AsObject();
        }
        catch (System.Text.Json.JsonException)
        {
            cloudEvent = null;
        }

        if (cloudEvent is null)
        {
            // Not a CloudEvent: redelivering it would fail the same way; a dead-letter exchange, if the
            // queue has one, keeps it for a person to look at.
            await _channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: false);
            return;
        }

        // Acknowledged only once applied: a consumer that dies before that gets the event again,
        // and the id check makes the second delivery harmless.
        Apply(cloudEvent);
        await _channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
    }
}
