using System.Text;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace CustomerService.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// Owns the relay's one connection (with automatic recovery) and its one channel with publisher confirms,
/// declares the exchange, and says once per change when the broker goes away and when it is back.
/// </summary>
internal sealed partial class RabbitMqPublisher : IOutboxPublisher, IAsyncDisposable
{
    public const string ContentType = "application/cloudevents+json";

    private const int Unknown = 0;
    private const int Available = 1;
    private const int Away = 2;

    private readonly RabbitMqRelayOptions _options;
    private readonly ILogger<RabbitMqPublisher> _logger;
    private readonly ConnectionFactory _factory;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly SemaphoreSlim _recovered = new(0, 1);
    private IConnection? _connection;
    private IChannel? _channel;
    private int _state = Unknown;

    public RabbitMqPublisher(RabbitMqRelayOptions options, ILogger<RabbitMqPublisher> logger)
    {
        _options = options;
        _logger = logger;
        _factory = new ConnectionFactory
        {
            Uri = options.Uri,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = options.RecoveryInterval,
            RequestedConnectionTimeout = options.ConfirmTimeout,
            // Names the exchange so an operator (or a test) can tell relays apart in the management UI.
            ClientProvidedName = $"customer-service outbox relay ({options.Exchange})",
        };
    }

    public async Task<bool> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
        {
            return true;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_channel is { IsOpen: true })
            {
                return true;
            }

            if (_connection is { IsOpen: false })
            {
                // Automatic recovery is reconnecting; it restores the channel and the exchange itself.
                return false;
            }

            _connection ??= await ConnectAsync(cancellationToken);
            if (_channel is not null)
            {
                // Closed by the broker (a channel error), which recovery does not undo: replace it.
                await _channel.DisposeAsync();
                _channel = null;
            }

            var channel = await _connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                cancellationToken);
            await channel.ExchangeDeclareAsync(_options.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            _channel = channel;
            MarkAvailable();
            return true;
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException or IOException or TimeoutException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            MarkAway(ex.Message);
            return false;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async Task WaitForRecoveryAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _recovered.WaitAsync(timeout, cancellationToken);

    public async Task<PublishOutcome> PublishAsync(RelayMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_channel is not { IsOpen: true } channel)
        {
            return PublishOutcome.Failed;
        }

        // A new properties object per publish: the client adds its sequence-number header to it.
        var properties = new BasicProperties
        {
            ContentType = ContentType,
            MessageId = message.EventId,
            Type = message.Type,
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(new DateTimeOffset(message.OccurredAt, TimeSpan.Zero).ToUnixTimeSeconds()),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConfirmTimeout);
        try
        {
            await channel.BasicPublishAsync(_options.Exchange, message.Type, mandatory: true, properties, Encoding.UTF8.GetBytes(message.Payload), timeout.Token);
            return PublishOutcome.Confirmed;
        }
        catch (PublishException ex) when (ex.IsReturn)
        {
            return PublishOutcome.Unrouted;
        }
        catch (PublishException)
        {
            LogNacked(_logger, message.EventId);
            return PublishOutcome.Failed;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnconfirmed(_logger, message.EventId, _options.ConfirmTimeout.TotalSeconds);
            return PublishOutcome.Failed;
        }
        catch (Exception ex) when (ex is OperationInterruptedException or AlreadyClosedException or IOException or ObjectDisposedException)
        {
            // The connection went while the confirm was awaited: not sent. The shutdown handler logs the loss once.
            return PublishOutcome.Failed;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_channel is not null)
            {
                await _channel.CloseAsync();
                await _channel.DisposeAsync();
            }

            if (_connection is not null)
            {
                await _connection.CloseAsync();
                await _connection.DisposeAsync();
            }
        }
        catch (Exception ex) when (ex is OperationInterruptedException or AlreadyClosedException or IOException or ObjectDisposedException or TimeoutException or OperationCanceledException)
        {
            // Already gone: nothing left to close.
        }

        _connecting.Dispose();
        _recovered.Dispose();
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = await _factory.CreateConnectionAsync(cancellationToken);
        connection.ConnectionShutdownAsync += OnShutdownAsync;
        connection.RecoverySucceededAsync += OnRecoveredAsync;
        return connection;
    }

    private Task OnShutdownAsync(object sender, ShutdownEventArgs reason)
    {
        if (reason.Initiator != ShutdownInitiator.Application)
        {
            MarkAway(reason.ReplyText);
        }

        return Task.CompletedTask;
    }

    private Task OnRecoveredAsync(object sender, AsyncEventArgs args)
    {
        MarkAvailable();
        if (_recovered.CurrentCount == 0)
        {
            try
            {
                _recovered.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }

        return Task.CompletedTask;
    }

    private void MarkAway(string reason)
    {
        if (Interlocked.Exchange(ref _state, Away) != Away)
        {
            LogBrokerAway(_logger, _options.BrokerForLogs, reason);
        }
    }

    private void MarkAvailable()
    {
        var previous = Interlocked.Exchange(ref _state, Available);
        if (previous == Away)
        {
            LogBrokerBack(_logger, _options.BrokerForLogs);
        }
        else if (previous == Unknown)
        {
            LogConnected(_logger, _options.BrokerForLogs, _options.Exchange);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ at {Broker} is unreachable ({Reason}); events wait in the outbox and the relay retries")]
    private static partial void LogBrokerAway(ILogger logger, string broker, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "RabbitMQ at {Broker} is back; the relay resumes")]
    private static partial void LogBrokerBack(ILogger logger, string broker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to RabbitMQ at {Broker}; events go to exchange {Exchange}")]
    private static partial void LogConnected(ILogger logger, string broker, string exchange);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The broker nacked event {EventId}; it stays pending")]
    private static partial void LogNacked(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} was not confirmed within {Seconds} s; it stays pending")]
    private static partial void LogUnconfirmed(ILogger logger, string eventId, double seconds);
}
