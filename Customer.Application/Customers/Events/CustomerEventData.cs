using System.Text.Json.Serialization;

namespace CustomerService.Application.Customers.Events;

/// <summary>
/// The <c>data</c> of <c>customer.created</c> and <c>customer.updated</c>: the customer exactly as
/// customer.info shows it, at the version the change was stored as, and for an update the wire names
/// of the fields that changed (<c>addresses</c> for any address change).
/// </summary>
public sealed record CustomerChangedEventData(
    CustomerDto Customer,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Changed);

/// <summary>The <c>data</c> of <c>customer.removed</c>: which customer, and the last version it had.</summary>
public sealed record CustomerRemovedEventData(string Id, int Version);
