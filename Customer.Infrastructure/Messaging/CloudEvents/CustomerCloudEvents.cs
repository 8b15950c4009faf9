using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
internal sealed class CustomerCloudEvents
{
    private static readonly JsonTypeInfo<StructuredCloudEvent<CustomerChangedEventData>> ChangedJson =
        (JsonTypeInfo<StructuredCloudEvent<CustomerChangedEventData>>)EventDataJson.Options.GetTypeInfo(typeof(StructuredCloudEvent<CustomerChangedEventData>));

    private static readonly JsonTypeInfo<StructuredCloudEvent<CustomerRemovedEventData>> RemovedJson =
        (JsonTypeInfo<StructuredCloudEvent<CustomerRemovedEventData>>)EventDataJson.Options.GetTypeInfo(typeof(StructuredCloudEvent<CustomerRemovedEventData>));

    private readonly string _source;

    public CustomerCloudEvents(MessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // CloudEvents requires a URI-reference: a setting that is not one fails at start-up, not at the first save.
        _source = new Uri(options.Source, UriKind.RelativeOrAbsolute).OriginalString;
    }

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
        var id = Guid.CreateVersion7().ToString();
        var time = Rfc3339(savedAt);
        var traceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;
        var (type, payload) = domainEvent switch
        {
            CustomerCreated => Envelope(CustomerEventTypes.Created, new CustomerChangedEventData(customer.ToDto(), null), ChangedJson),
            CustomerUpdated updated => Envelope(CustomerEventTypes.Updated, new CustomerChangedEventData(customer.ToDto(), updated.ChangedFields), ChangedJson),
            CustomerRemoved => Envelope(CustomerEventTypes.Removed, new CustomerRemovedEventData(customer.Id, customer.Version), RemovedJson),
            _ => throw new ArgumentException($"No CloudEvent is defined for {domainEvent.GetType().Name}.", nameof(domainEvent)),
        };

        return new OutboxMessage
        {
            EventId = id,
            Type = type,
            CustomerId = customer.Id,
            CustomerVersion = customer.Version,
            OccurredAt = savedAt,
            Payload = payload,
        };

        (string Type, string Payload) Envelope<TData>(string eventType, TData data, JsonTypeInfo<StructuredCloudEvent<TData>> json) =>
            (eventType, JsonSerializer.Serialize(
                new StructuredCloudEvent<TData>
                {
                    Id = id, Source = _source, Type = eventType, Subject = customer.Id, Time = time, TraceParent = traceParent, Data = data,
                },
                json));
    }

    /// <summary>UTC, with as many fractional digits as the time has: none for whole seconds, as the SDK wrote it.</summary>
    private static string Rfc3339(DateTime utc)
    {
        var ticks = utc.Ticks;
        var format = ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'"
            : ticks % TimeSpan.TicksPerMillisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"
            : ticks % TimeSpan.TicksPerMicrosecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"
            : "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }
}
