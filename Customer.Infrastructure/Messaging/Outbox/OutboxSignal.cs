namespace CustomerService.Infrastructure.Messaging.Outbox;

/// <summary>
/// Tells this process's relay that a save has just committed outbox messages, so it need not wait for
/// its next poll. Other instances' saves are found by polling.
/// </summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another save signalled at the same moment: one wake-up is enough.
            }
        }
    }

    /// <summary>Waits for a signal or the timeout, whichever comes first; true when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
