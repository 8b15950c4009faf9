using System.Diagnostics;
using System.Net;
using CustomerService.Tests.Api.MultiInstance;
using CustomerService.Tests.Support;
using CustomerService.Tests.Support.Events;
using CustomerService.Tests.Support.RabbitMq;

namespace CustomerService.Tests.Api.Broker;

/// <summary>
/// G3 (and G4 on its result): the broker's app stopped (<c>rabbitmqctl stop_app</c>) for 30 s while
/// the service takes writes. Writes never wait for the broker, and the backlog reaches it soon after it
/// is back. One outage serves every configured database at once, each with its own service and
/// exchange, so the 30 s are spent once.
/// </summary>
/// <remarks>
/// The test stops the node named by <c>CUSTOMER_TEST_RABBITMQ_NODE</c>, which every other broker test
/// uses too; NonParallelizable keeps them from running meanwhile (this assembly runs fixtures one at a
/// time anyway, but the outage must not depend on that). Run it against a node of your own when others
/// share yours (see the README, CI).
/// </remarks>
[Category("Slow")]
[Category("Broker")]
[NonParallelizable]
public sealed class BrokerOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DeliveredWithin = TimeSpan.FromSeconds(15);

    // A test that failed while the broker was stopped must not leave it stopped for the tests after it.
    [TearDown]
    public Task TheBrokerRunsAgain() => RabbitMqBroker.EnsureRunningAsync();

    [Test]
    public async Task EveryWriteIsAnswered200WhileTheBrokerIsStoppedAndEveryEventArrivesWithin15SecondsOfItsReturn()
    {
        RabbitMqBroker.SkipUnlessControllable();
        var runs = new List<(DatabaseKind Database, QueueRecorder Queue, InstancesOnOneDatabase Instances, WriteLoad Load)>();
        using var stop = new CancellationTokenSource();
        var writing = new List<Task>();
        try
        {
            foreach (var database in Databases.All.Where(IsConfigured))
            {
                var queue = await QueueRecorder.BindAsync(RabbitMqBroker.UniqueExchange($"g3-{database}"));
                var instances = await StartOrDisposeAsync(database, queue);
                runs.Add((database, queue, instances, new WriteLoad(_ => instances.Clients[0], writers: 3)));
            }

            // Every service started before any load: a start competing with a load is slow on two cores.
            writing.AddRange(runs.Select(run => run.Load.RunAsync(stop.Token)));

            foreach (var run in runs)
            {
                await BrokerRun.WaitForProgressAsync(run.Load, run.Queue, writes: 20, messages: 10, TimeSpan.FromSeconds(30));
            }

            var writesBefore = runs.Sum(r => r.Load.Answers.Count);
            await RabbitMqBroker.StopAppAsync();
            await Task.Delay(Outage);
            var writesDuring = runs.Sum(r => r.Load.Answers.Count) - writesBefore;
            await RabbitMqBroker.StartAppAsync();
            var back = Stopwatch.StartNew();
            await stop.CancelAsync();
            await Task.WhenAll(writing);
            await TestContext.Out.WriteLineAsync($"{writesDuring} writes answered during the {Outage.TotalSeconds} s outage; databases: {string.Join(", ", runs.Select(r => r.Database))}.");

            foreach (var (database, queue, instances, load) in runs)
            {
                await TestContext.Out.WriteLineAsync($"{database}:");
                using (Assert.EnterMultipleScope())
                {
                    Assert.That(load.Unreachable, Is.Zero, "every write got an answer");
                    Assert.That(load.Answers.Where(a => a.Status != HttpStatusCode.OK).Select(a => a.Text), Is.Empty, "every write answered 200");
                }

                var remaining = DeliveredWithin - back.Elapsed;
                await BrokerRun.AssertBrokerAndFeedAgreeAsync(instances.Clients[0], queue, load.CreatedIds, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
                await TestContext.Out.WriteLineAsync($"{database}: every event delivered {back.Elapsed.TotalSeconds:0.0} s after start_app.");
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(writing);
            foreach (var (_, queue, instances, _) in runs)
            {
                instances.Dispose();
                await queue.DisposeAsync();
            }
        }
    }

    private static bool IsConfigured(DatabaseKind database) => database switch
    {
        DatabaseKind.SqlServer => CustomerApiFactory.SqlServerConnectionString is not null,
        DatabaseKind.PostgreSql => CustomerApiFactory.PostgreSqlConnectionString is not null,
        _ => true,
    };

    private static async Task<InstancesOnOneDatabase> StartOrDisposeAsync(DatabaseKind database, QueueRecorder queue)
    {
        try
        {
            return await InstancesOnOneDatabase.StartAsync(1, database, RabbitMqBroker.ServiceSettings(queue.Exchange));
        }
        catch
        {
            await queue.DisposeAsync();
            throw;
        }
    }
}
