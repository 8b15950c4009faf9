using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Api.MultiInstance;
using CustomerService.Tests.Support;
using CustomerService.Tests.Support.Events;
using CustomerService.Tests.Support.RabbitMq;

namespace CustomerService.Tests.Api.Broker;

/// <summary>
/// G5, and G4 with writers on two instances: two real service processes on one database, one relay
/// between them (the lease in MessagingLeases). The holder killed, the other takes the relay over
/// within the lease; concurrent writers through both leave every customer's events contiguous and in order.
/// One pair of instances for both cases, the racing writers first: each start of two processes costs seconds.
/// </summary>
[Category("Slow")]
[Category("Broker")]
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class RelayFailoverTests(DatabaseKind database)
{
    private const int LeaseSeconds = 3;

    private QueueRecorder? _queue;
    private InstancesOnOneDatabase? _instances;

    [OneTimeSetUp]
    public async Task StartTwoInstances()
    {
        RabbitMqBroker.SkipUnlessAvailable();
        HttpFixture.SkipUnlessAvailable(database);
        _queue = await QueueRecorder.BindAsync(RabbitMqBroker.UniqueExchange("g5"));
        _instances = await InstancesOnOneDatabase.StartAsync(2, database, RabbitMqBroker.ServiceSettings(_queue.Exchange, LeaseSeconds));
    }

    [OneTimeTearDown]
    public async Task StopInstances()
    {
        _instances?.Dispose();
        if (_queue is not null)
        {
            await _queue.DisposeAsync();
        }
    }

    [Test]
    [Order(2)]
    public async Task KillingTheLeaseHolderHandsTheRelayToTheOtherInstanceWithinTheLeaseAndLosesNoEvent()
    {
        var (queue, instances) = (_queue!, _instances!);
        var holder = await BrokerRun.LeaseHolderAsync(instances, 2, TimeSpan.FromSeconds(15));
        var survivor = 1 - holder;

        // Half the writers go through each instance; the dead one's just find nothing after the kill.
        var load = new WriteLoad(writer => instances.Clients[writer % 2], writers: 4);
        using var stop = new CancellationTokenSource();
        var writing = load.RunAsync(stop.Token);
        DateTime killedAt;
        TimeSpan handover;
        TimeSpan takeover;
        string newHolder;
        try
        {
            await BrokerRun.WaitForProgressAsync(load, queue, writes: 30, messages: 20, TimeSpan.FromSeconds(30));
            var oldHolder = await RelayLeaseRow.WaitForHolderAsync(database, instances.ConnectionString, TimeSpan.FromSeconds(5));
            instances.Kill(holder);
            killedAt = DateTime.UtcNow;
            newHolder = await RelayLeaseRow.WaitForHolderAsync(database, instances.ConnectionString, TimeSpan.FromSeconds(4 * LeaseSeconds), other: oldHolder, poll: TimeSpan.FromMilliseconds(25));
            handover = DateTime.UtcNow - killedAt;

            // The first event committed after the kill can only have been published by the survivor.
            var published = await queue.WaitUntilAsync(messages => messages.Any(m => m.Event.Time > killedAt), TimeSpan.FromSeconds(4 * LeaseSeconds));
            Assert.That(published, Is.True, $"the survivor published within {4 * LeaseSeconds} s of the kill");
            takeover = queue.Messages.First(m => m.Event.Time > killedAt).ReceivedAt - killedAt;
            await BrokerRun.WaitForProgressAsync(load, queue, writes: 20, messages: 10, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await stop.CancelAsync();
            await writing;
        }

        // A non-holder tries for the lease every third of it (the relay's poll when not holding), so the
        // lease changes hands within the lease and one poll; half a second for this test's own polling.
        var handoverBound = TimeSpan.FromSeconds(LeaseSeconds + (LeaseSeconds / 3.0) + 0.5);

        // The new holder connects to the broker only once it holds the lease: the first publish adds
        // the connection (under 0.5 s on an idle machine, up to 4.5 s measured with four builds running).
        var takeoverBound = handoverBound + TimeSpan.FromSeconds(5);
        await TestContext.Out.WriteLineAsync(
            $"{database}: killed instance {holder} (pid {instances.ProcessIdOf(holder)}): the lease changed hands {handover.TotalSeconds:0.00} s later (bound {handoverBound.TotalSeconds:0.0} s), " +
            $"the next event was published {takeover.TotalSeconds:0.00} s later (bound {takeoverBound.TotalSeconds:0.0} s); holder now {newHolder}.");
        foreach (var line in instances.OutputOf(survivor).Split('\n').Where(l => l.Contains("lease", StringComparison.OrdinalIgnoreCase) || l.Contains("RabbitMQ", StringComparison.Ordinal)))
        {
            await TestContext.Out.WriteLineAsync($"survivor: {line}");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(handover, Is.LessThanOrEqualTo(handoverBound), "from the kill to the survivor holding the lease");
            Assert.That(takeover, Is.LessThanOrEqualTo(takeoverBound), "from the kill to the survivor's first publish");
            Assert.That(newHolder.Split('/').ElementAtOrDefault(1), Is.EqualTo(instances.ProcessIdOf(survivor).ToString(System.Globalization.CultureInfo.InvariantCulture)), "the survivor holds the lease");
        }

        await BrokerRun.AssertBrokerAndFeedAgreeAsync(instances.Clients[survivor], queue, load.CreatedIds, TimeSpan.FromSeconds(30));
    }

    [Test]
    [Order(1)]
    public async Task ConcurrentWritersThroughTwoInstancesLeaveEachCustomersEventsContiguousAndInOrder()
    {
        var (queue, instances) = (_queue!, _instances!);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await instances.Clients[i % 2].CreateCustomerAsync());
        }

        // Eight writers race on four customers through both instances, eight updates each: each update is re-applied to
        // whatever version the other instance saved, so the versions interleave across processes.
        var fields = new[] { "firstName", "lastName", "status", "tags" };
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var statuses = new List<ApiResponse>();
            for (var call = 0; call < 8; call++)
            {
                var field = fields[(writer + call) % fields.Length];
                JsonNode value = field switch
                {
                    "status" => call % 2 == 0 ? "INACTIVE" : "ACTIVE",
                    "tags" => new JsonArray($"w{writer}", $"c{call}"),
                    _ => $"w{writer}c{call}",
                };
                statuses.Add(await instances.Clients[(writer + call) % 2].PostAsync("customer.update", new JsonObject { ["id"] = ids[(writer * 3 + call) % ids.Count], [field] = value }));
            }

            return statuses;
        })));

        var all = answers.SelectMany(a => a).ToList();
        await TestContext.Out.WriteLineAsync($"{database}: {all.Count} concurrent updates: {all.Count(a => a.Status == HttpStatusCode.OK)} answered 200.");
        Assert.That(all.Where(a => a.Status is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)).Select(a => a.Text), Is.Empty,
            "200, or 503 when a customer's conflicts outlast the retries");
        await BrokerRun.AssertBrokerAndFeedAgreeAsync(instances.Clients[0], queue, ids, TimeSpan.FromSeconds(30));
    }
}
