using CustomerService.Tests.Support.RabbitMq;

namespace CustomerService.Tests.Support.Events;

/// <summary>
/// The rules a customer's events keep wherever they are read (the feed, or a broker queue after
/// deduplication by id): created is version 1, each update the next version, a removal carries the
/// last version, in that order; exactly one event per stored version, and none for a version never stored.
/// </summary>
public static class EventHistory
{
    public const string CloudEventsContentType = "application/cloudevents+json";

    /// <summary>
    /// The deliveries' events, each id once, in order of first arrival, as a consumer that deduplicates
    /// by id sees them; with what is wrong with the deliveries themselves (properties, a redelivery that differs).
    /// </summary>
    public static (IReadOnlyList<CustomerEvent> Events, IReadOnlyList<string> Problems) Deduplicate(IEnumerable<BrokerMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var firstBodies = new Dictionary<string, string>(StringComparer.Ordinal);
        var events = new List<CustomerEvent>();
        var problems = new List<string>();
        foreach (var message in messages)
        {
            var cloudEvent = message.Event;
            if (message.MessageId != cloudEvent.Id)
            {
                problems.Add($"message_id {message.MessageId} differs from the CloudEvent id {cloudEvent.Id}");
            }

            if (message.RoutingKey != cloudEvent.Type || message.ContentType != CloudEventsContentType || message.DeliveryMode != RabbitMQ.Client.DeliveryModes.Persistent)
            {
                problems.Add($"{cloudEvent}: routing key {message.RoutingKey}, content type {message.ContentType}, delivery mode {message.DeliveryMode}");
            }

            if (firstBodies.TryGetValue(cloudEvent.Id, out var first))
            {
                if (first != message.Text)
                {
                    problems.Add($"{cloudEvent.Id} was delivered again with another body: {first} then {message.Text}");
                }

                continue;
            }

            firstBodies[cloudEvent.Id] = message.Text;
            events.Add(cloudEvent);
        }

        return (events, problems);
    }

    /// <summary>
    /// What breaks the rules in <paramref name="events"/> (in the order read), given each customer's
    /// version as stored now, or null for one no longer stored. Every customer an event names must be in
    /// <paramref name="stored"/>; a customer in it with no event at all is a lost event.
    /// </summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<CustomerEvent> events, IReadOnlyDictionary<string, int?> stored)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(stored);
        var problems = new List<string>();
        problems.AddRange(events.GroupBy(e => e.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"event id {g.Key} appears {g.Count()} times"));
        problems.AddRange(events.Where(e => !stored.ContainsKey(e.Subject)).Select(e => $"{e} is about {e.Subject}, a customer the test does not know"));

        var bySubject = events.ToLookup(e => e.Subject, StringComparer.Ordinal);
        foreach (var (id, version) in stored)
        {
            var actual = bySubject[id].Select(e => (e.Type, e.Version)).ToList();
            var expected = Expected(version, actual);
            if (!actual.SequenceEqual(expected))
            {
                problems.Add($"customer {id} (stored: {(version is { } v ? $"version {v}" : "removed")}): events {Describe(actual)}, expected {Describe(expected)}");
            }
        }

        return problems;
    }

    private static List<(string Type, int Version)> Expected(int? storedVersion, List<(string Type, int Version)> actual)
    {
        // A removed customer's last version is the one its removal carries (at least its create's).
        var last = storedVersion ?? (actual.Count > 0 && actual[^1].Type == CustomerEvent.Removed ? actual[^1].Version : Math.Max(1, actual.Count));
        var expected = new List<(string Type, int Version)> { (CustomerEvent.Created, 1) };
        expected.AddRange(Enumerable.Range(2, Math.Max(0, last - 1)).Select(v => (CustomerEvent.Updated, v)));
        if (storedVersion is null)
        {
            expected.Add((CustomerEvent.Removed, last));
        }

        return expected;
    }

    private static string Describe(List<(string Type, int Version)> events) =>
        events.Count == 0 ? "none" : string.Join(", ", events.Select(e => $"{e.Type["customer.".Length..]} v{e.Version}"));
}
