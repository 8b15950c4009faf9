namespace CustomerService.Domain.Common;

/// <summary>
/// Something that happened to an aggregate, recorded by the aggregate itself and announced by the
/// application once the change is committed. Plain data: the domain knows nothing about how it is delivered.
/// </summary>
public interface IDomainEvent
{
    /// <summary>The id of the aggregate the event happened to.</summary>
    string AggregateId { get; }
}
