using CustomerService.Tests.Api.MultiInstance;
using CustomerService.Tests.Support;
using CustomerService.Tests.Support.Events;
using CustomerService.Tests.Support.RabbitMq;

namespace CustomerService.Tests.Api.Broker;

/// <summary>The end of every broker test: the feed read to its end, the broker caught up with it, and both held to the event rules.</summary>
internal static class BrokerRun
{
    /// <summary>
    /// Reads the whole feed through <paramref name="client"/>, waits (up to <paramref name="deliveryTimeout"/>)
    /// until the queue has received every event in it, and asserts G2/G4's rules on both: one event id per
    /// stored version, versions contiguous and increasing per customer, the same events on the broker
    /// (after deduplication by id) as in the feed, redeliveries identical to the first delivery.
    /// Returns how long the broker took to catch up, from the call.
    /// </summary>
    public static async Task<TimeSpan> AssertBrokerAndFeedAgreeAsync(
        ApiClient client, QueueRecorder queue, IEnumerable<string> knownCustomers, TimeSpan deliveryTimeout)
    {
        var started = DateTime.UtcNow;
        var (feed, stored) = await ReadFeedUntilCompleteAsync(client, [.. knownCustomers], deliveryTimeout);
        var caughtUp = await queue.WaitForEventsAsync(feed.Select(e => e.Id), deliveryTimeout - (DateTime.UtcNow - started));
        var delay = DateTime.UtcNow - started;
        var messages = queue.Messages;
        var (delivered, deliveryProblems) = EventHistory.Deduplicate(messages);
        await TestContext.Out.WriteLineAsync(
            $"{stored.Count} customers ({stored.Values.Count(v => v is null)} removed), {feed.Count} events in the feed, " +
            $"{messages.Count} deliveries ({messages.Count - delivered.Count} redelivered), broker caught up in {delay.TotalSeconds:0.0} s.");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(feed, Is.Not.Empty, "the load wrote events");
            Assert.That(caughtUp, Is.True, $"every event of the feed reached the broker within {deliveryTimeout.TotalSeconds} s; missing: " +
                string.Join(", ", feed.Select(e => e.Id).Except(messages.Select(m => m.MessageId ?? "")).Take(10)));
            Assert.That(EventHistory.Problems(feed, stored), Is.Empty, "the feed");
            Assert.That(deliveryProblems, Is.Empty, "the deliveries");
            Assert.That(EventHistory.Problems(delivered, stored), Is.Empty, "the broker, deduplicated by id");
            Assert.That(delivered.Select(e => e.Id), Is.EquivalentTo(feed.Select(e => e.Id)), "the broker has the feed's events, no other");
        }

        return delay;
    }

    /// <summary>
    /// The feed read to its end and resumed from its <c>next</c> until it holds every stored version, or
    /// the timeout passes (the writes are over). The PostgreSQL feed holds back events until every
    /// transaction that began before them has ended, anywhere in the cluster, so it may lag a moment.
    /// </summary>
    private static async Task<(List<CustomerEvent> Feed, IReadOnlyDictionary<string, int?> Stored)> ReadFeedUntilCompleteAsync(
        ApiClient client, List<string> knownCustomers, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var feed = new List<CustomerEvent>();
        string? cursor = null;
        while (true)
        {
            var (events, next) = await client.ReadToEndAsync(cursor, limit: 100);
            feed.AddRange(events.Select(CustomerEvent.From));
            cursor = next;
            var stored = await StoredVersions.ReadAsync(client, knownCustomers.Concat(feed.Select(e => e.Subject)));
            if (EventHistory.Problems(feed, stored).Count == 0 || DateTime.UtcNow >= deadline)
            {
                return (feed, stored);
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Waits until the load has had <paramref name="writes"/> more writes answered and the queue <paramref name="messages"/> more deliveries, or the timeout.</summary>
    public static async Task WaitForProgressAsync(WriteLoad load, QueueRecorder queue, int writes, int messages, TimeSpan timeout)
    {
        var (writesBefore, messagesBefore) = (load.Acknowledged, queue.Messages.Count);
        var deadline = DateTime.UtcNow + timeout;
        while (load.Acknowledged < writesBefore + writes || queue.Messages.Count < messagesBefore + messages)
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new AssertionException(
                    $"No progress within {timeout.TotalSeconds} s: {load.Acknowledged - writesBefore} writes answered 200, {queue.Messages.Count - messagesBefore} messages delivered.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The index of the instance whose process holds the relay lease (holders are "machine/pid/suffix").</summary>
    public static async Task<int> LeaseHolderAsync(InstancesOnOneDatabase instances, int count, TimeSpan timeout)
    {
        var holder = await RelayLeaseRow.WaitForHolderAsync(instances.Database, instances.ConnectionString, timeout);
        var pid = holder.Split('/') is { Length: >= 2 } parts ? parts[1] : "";
        for (var i = 0; i < count; i++)
        {
            if (instances.ProcessIdOf(i).ToString(System.Globalization.CultureInfo.InvariantCulture) == pid)
            {
                return i;
            }
        }

        throw new AssertionException($"The lease holder {holder} is none of the instances' processes.");
    }
}
