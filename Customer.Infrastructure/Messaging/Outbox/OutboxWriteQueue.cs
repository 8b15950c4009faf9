namespace CustomerService.Infrastructure.Messaging.Outbox;

/// <summary>
/// The outbox messages of one context's saves that its transaction has not committed yet. A save's
/// messages are inserted when the transaction it ran in commits (its own, or one the caller opened
/// around several saves), so they are dropped when that save fails or that transaction is rolled back.
/// </summary>
internal sealed class OutboxWriteQueue
{
    private readonly List<OutboxMessage> _messages = [];
    private int _saveStart;

    public IReadOnlyList<OutboxMessage> Messages => _messages;

    /// <summary>
    /// A save starts. Outside a transaction, whatever an earlier transaction left behind without
    /// committing is forgotten; inside one, the messages of its earlier saves stay for its commit.
    /// </summary>
    public void StartSave(bool inTransaction)
    {
        if (!inTransaction)
        {
            _messages.Clear();
        }

        _saveStart = _messages.Count;
    }

    public void Add(OutboxMessage message) => _messages.Add(message);

    /// <summary>The save under way failed: its messages go, those of earlier saves in the transaction stay.</summary>
    public void SaveFailed() => _messages.RemoveRange(_saveStart, _messages.Count - _saveStart);

    /// <summary>Empties the queue; true when it held messages (they are now committed, or abandoned).</summary>
    public bool Clear()
    {
        var any = _messages.Count > 0;
        _messages.Clear();
        _saveStart = 0;
        return any;
    }
}
