using System.Diagnostics;
using System.Net.Mime;
using System.Text;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.Events;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Messaging.Outbox;

namespace CustomerService.Infrastructure.Messaging.CloudEvents;

/// <summary>
/// Turns what a save stores for one customer into the CloudEvents other services receive (structured
/// JSON, CloudEvents 1.0), as outbox messages. Never carries the password or its hash: the data is
/// the customer as customer.info shows it.
/// </summary>
internal sealed class CustomerCloudEvents(MessagingOptions options)
{
    private static readonly JsonEventFormatter Formatter = new(EventDataJson.Options, default);

    // The W3C trace context of the request that made the change (CloudEvents' distributed tracing extension).
    private static readonly CloudEventAttribute TraceParent = CloudEventAttribute.CreateExtension("traceparent", CloudEventAttributeType.String);
    private readonly Uri _source = new(options.Source, UriKind.RelativeOrAbsolute);

    /// <summary>
    /// The messages of one save of <paramref name="customer"/>, which has already been given the version it
    /// is stored as. An update that the same save removes was never stored, so it has no event.
    /// </summary>
    public IEnumerable<OutboxMessage> For(Customer customer, DateTime savedAt)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var removed = customer.DomainEvents.Any(e => e is CustomerRemoved);
        foreach (var domainEvent in customer.DomainEvents)
        {
            if (removed && domainEvent is CustomerUpdated)
            {
                continue;
            }

            yield return ToMessage(customer, domainEvent, savedAt);
        }
    }

    private OutboxMessage ToMessage(Customer customer, IDomainEvent domainEvent, DateTime savedAt)
    {
        var (type, data) = domainEvent switch
        {
            CustomerCreated => (CustomerEventTypes.Created, (object)new CustomerChangedEventData(customer.ToDto(), null)),
            CustomerUpdated updated => (CustomerEventTypes.Updated, new CustomerChangedEventData(customer.ToDto(), updated.ChangedFields)),
            CustomerRemoved => (CustomerEventTypes.Removed, new CustomerRemovedEventData(customer.Id, customer.Version)),
            _ => throw new ArgumentException($"No CloudEvent is defined for {domainEvent.GetType().Name}.", nameof(domainEvent)),
        };

        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = Guid.CreateVersion7().ToString(),
            Source = _source,
            Type = type,
            Subject = customer.Id,
            Time = new DateTimeOffset(savedAt, TimeSpan.Zero),
            DataContentType = MediaTypeNames.Application.Json,
            Data = data,
        };
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            cloudEvent[TraceParent] = activity.Id;
        }

        return new OutboxMessage
        {
            EventId = cloudEvent.Id,
            Type = type,
            CustomerId = customer.Id,
            CustomerVersion = customer.Version,
            OccurredAt = savedAt,
            Payload = Encoding.UTF8.GetString(Formatter.EncodeStructuredModeMessage(cloudEvent, out _).Span),
        };
    }
}
