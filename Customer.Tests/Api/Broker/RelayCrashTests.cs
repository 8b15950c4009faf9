using CustomerService.Tests.Api.MultiInstance;
using CustomerService.Tests.Support;
using CustomerService.Tests.Support.Events;
using CustomerService.Tests.Support.RabbitMq;

namespace CustomerService.Tests.Api.Broker;

/// <summary>
/// G2 (and G4 on its result): the service process killed (SIGKILL) again and again under a write load,
/// with its relay publishing to a real broker. Whatever was committed reaches the broker and the feed,
/// once per stored version; what the dead process had published but not yet marked sent comes again
/// under the same id.
/// </summary>
[Category("Slow")]
[Category("Broker")]
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class RelayCrashTests(DatabaseKind database)
{
    private const int Kills = 3;

    // Short, so that each restarted process (a new lease holder) takes over from the dead one quickly.
    private const int LeaseSeconds = 2;

    [Test]
    public async Task SigkillsDuringAWriteLoadLoseNoEventAndARedeliveryKeepsItsId()
    {
        RabbitMqBroker.SkipUnlessAvailable();
        await using var queue = await QueueRecorder.BindAsync(RabbitMqBroker.UniqueExchange("g2"));
        using var instances = await InstancesOnOneDatabase.StartAsync(1, database, RabbitMqBroker.ServiceSettings(queue.Exchange, LeaseSeconds));
        var load = new WriteLoad(_ => instances.Clients[0], writers: 4);
        using var stop = new CancellationTokenSource();
        var writing = load.RunAsync(stop.Token);
        try
        {
            for (var kill = 0; kill < Kills; kill++)
            {
                // Each kill lands while the process both writes and relays: its writes answered, its events arriving.
                await BrokerRun.WaitForProgressAsync(load, queue, writes: 15, messages: 5, TimeSpan.FromSeconds(30));
                instances.Kill(0);
                await instances.RestartAsync(0);
            }

            await BrokerRun.WaitForProgressAsync(load, queue, writes: 15, messages: 5, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await stop.CancelAsync();
            await writing;
        }

        await TestContext.Out.WriteLineAsync($"{database}: {Kills} kills; {load.Acknowledged} writes answered 200, {load.Unreachable} calls found no service.");
        await BrokerRun.AssertBrokerAndFeedAgreeAsync(instances.Clients[0], queue, load.CreatedIds, TimeSpan.FromSeconds(30));
    }
}
