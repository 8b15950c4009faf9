using CustomerService.Domain.Common;

namespace CustomerService.Application.Common.Persistence;

/// <summary>
/// A domain event whose change has been saved, with the version its aggregate was stored at by that
/// save (for a removal, the last version it had).
/// </summary>
public sealed record CommittedEvent(IDomainEvent Event, int StoredVersion);
