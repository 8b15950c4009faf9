namespace CustomerService.Infrastructure.Messaging;

/// <summary>The <c>Messaging</c> settings every instance reads, with or without a broker.</summary>
internal sealed record MessagingOptions
{
    public const string SectionName = "Messaging";
    public const string DefaultSource = "/services/customer";
    public const int DefaultRetentionDays = 7;

    /// <summary><c>Messaging:Source</c>: the CloudEvents <c>source</c> of every event.</summary>
    public string Source { get; init; } = DefaultSource;

    /// <summary><c>Messaging:Feed:RetentionDays</c>: how long the feed keeps events.</summary>
    public int RetentionDays { get; init; } = DefaultRetentionDays;

    /// <summary><c>Messaging:Feed:PruneIntervalMinutes</c>: how often old events are pruned.</summary>
    public int PruneIntervalMinutes { get; init; } = 60;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}
