namespace CustomerService.Infrastructure.Messaging.RabbitMq;

/// <summary>One outbox message as the relay hands it to the broker.</summary>
internal sealed record RelayMessage(long Id, string EventId, string Type, string CustomerId, DateTime OccurredAt, string Payload);

/// <summary>What became of one publish. Only <see cref="Confirmed"/> and <see cref="Unrouted"/> mark the message sent.</summary>
internal enum PublishOutcome
{
    /// <summary>The broker confirmed it (basic.ack).</summary>
    Confirmed,

    /// <summary>The broker took it but no queue did (basic.return under mandatory): sent, since late subscribers read the feed.</summary>
    Unrouted,

    /// <summary>Nacked, unconfirmed in time, or the connection was lost: not sent, tried again later.</summary>
    Failed,
}

/// <summary>Publishes outbox messages with publisher confirms; the relay's only contact with the broker.</summary>
internal interface IOutboxPublisher
{
    /// <summary>Connects (and declares the exchange) when not connected; false while the broker cannot be reached.</summary>
    Task<bool> EnsureConnectedAsync(CancellationToken cancellationToken);

    /// <summary>Waits until a lost connection has been recovered, or the timeout; lets a backing-off relay resume at once.</summary>
    Task WaitForRecoveryAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Publishes one message and waits for the broker's confirmation; never throws for a broker failure.</summary>
    Task<PublishOutcome> PublishAsync(RelayMessage message, CancellationToken cancellationToken);
}
