using System.Collections.Concurrent;
using CustomerService.Infrastructure.Messaging.RabbitMq;

namespace CustomerService.Tests.Support.RabbitMq;

/// <summary>A broker stand-in: records every publish attempt in order and answers what the test decides.</summary>
internal sealed class RelayFakePublisher : IOutboxPublisher
{
    private readonly ConcurrentQueue<(RelayMessage Message, PublishOutcome Outcome)> _attempts = new();

    /// <summary>Decides each publish; confirms everything unless set.</summary>
    public Func<RelayMessage, PublishOutcome> Decide { get; set; } = _ => PublishOutcome.Confirmed;

    /// <summary>False plays a broker that cannot be reached.</summary>
    public bool Reachable { get; set; } = true;

    public int ConnectAttempts => _connectAttempts;

    public IReadOnlyList<(RelayMessage Message, PublishOutcome Outcome)> Attempts => [.. _attempts];

    public IReadOnlyList<RelayMessage> Sent => [.. _attempts.Where(a => a.Outcome != PublishOutcome.Failed).Select(a => a.Message)];

    private int _connectAttempts;

    public Task<bool> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _connectAttempts);
        return Task.FromResult(Reachable);
    }

    public Task WaitForRecoveryAsync(TimeSpan timeout, CancellationToken cancellationToken) => Task.Delay(timeout, cancellationToken);

    public async Task<PublishOutcome> PublishAsync(RelayMessage message, CancellationToken cancellationToken)
    {
        // A real publish yields while the confirm travels; so do we, so customers interleave.
        await Task.Yield();
        var outcome = Decide(message);
        _attempts.Enqueue((message, outcome));
        return outcome;
    }
}
