namespace CustomerService.Infrastructure.Messaging.RabbitMq;

/// <summary>Capped exponential backoff: the first wait, doubled after each further failure up to the cap.</summary>
internal sealed class RetryBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _cap;
    private TimeSpan _next;

    public RetryBackoff(TimeSpan initial, TimeSpan cap)
    {
        _initial = initial;
        _cap = cap;
        _next = initial;
    }

    public TimeSpan Next()
    {
        var wait = _next < _cap ? _next : _cap;
        _next = TimeSpan.FromTicks(Math.Min(_cap.Ticks, _next.Ticks * 2));
        return wait;
    }

    public void Reset() => _next = _initial;
}
