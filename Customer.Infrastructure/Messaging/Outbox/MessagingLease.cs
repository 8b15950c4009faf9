namespace CustomerService.Infrastructure.Messaging.Outbox;

/// <summary>
/// A named lease in the database: the one instance that holds it (until <see cref="ExpiresAt"/>) does
/// the work it names, such as relaying the outbox. Taken and renewed with one conditional UPDATE.
/// </summary>
internal sealed class MessagingLease
{
    /// <summary>The lease of the outbox relay; the migrations seed its row.</summary>
    public const string OutboxRelay = "outbox-relay";

    public required string Name { get; init; }

    public string? Holder { get; set; }

    public DateTime ExpiresAt { get; set; }
}
