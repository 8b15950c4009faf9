namespace CustomerService.Application.Common.Time;

/// <summary>
/// The system clock to the microsecond, the finest precision every supported database stores
/// (PostgreSQL keeps no finer), so that a timestamp answered after a change is the one stored.
/// </summary>
public sealed class MicrosecondClock : TimeProvider
{
    public static MicrosecondClock Instance { get; } = new();

    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
