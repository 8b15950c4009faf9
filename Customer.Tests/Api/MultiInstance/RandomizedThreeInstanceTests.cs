using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>
/// Three real instances on one database and six concurrent clients calling every method through
/// instances picked at random, in rounds; after each round, the invariants of <see cref="AnswerRules"/>,
/// <see cref="RoundInvariants"/> and the clients' own checks. The seed is printed and named in every
/// failure; <c>CUSTOMER_TEST_SEED</c> replays it: each client draws the same random choices again, though
/// the interleaving of their calls, and so what some choices pick among, is the machine's.
/// </summary>
[Category("Slow")]
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class RandomizedThreeInstanceTests(DatabaseKind database)
{
    private const int Rounds = 4;
    private const int InitialCustomers = 8;
    private static readonly TimeSpan RoundDuration = TimeSpan.FromSeconds(4);

    private InstancesOnOneDatabase? _instances;

    [OneTimeSetUp]
    public async Task StartThreeInstances() => _instances = await InstancesOnOneDatabase.StartAsync(3, database);

    [OneTimeTearDown]
    public void StopInstances() => _instances?.Dispose();

    [Test]
    public async Task RandomCommandsOnThreeInstancesKeepEveryInvariant()
    {
        var seed = RandomRunSeed.Choose();
        await TestContext.Out.WriteLineAsync($"Seed {seed} (replay with {RandomRunSeed.Variable}={seed})");
        var run = new RandomRun(seed, _instances!.Clients);
        var remover = new RemoverAndCreator(5, run);
        SimulatedClient[] clients =
        [
            new FieldOwner("firstName", [JsonValue.Create("Ann"), JsonValue.Create("Bea"), JsonValue.Create("Cy")], 0, run),
            new FieldOwner("lastName", [JsonValue.Create("Ash"), JsonValue.Create("Birch"), JsonValue.Create("Cedar")], 1, run),
            new FieldOwner("tags", [new JsonArray(run.RunTag), new JsonArray(run.RunTag, "gold"), new JsonArray(run.RunTag, "gold", "eu")], 2, run),
            new StatusAndEmailOwner(3, run),
            new AddressOwner(4, run),
            remover,
        ];
        for (var i = 0; i < InitialCustomers; i++)
        {
            await remover.CreateAsync();
        }

        var invariants = new RoundInvariants(run, clients);
        for (run.Round = 1; run.Round <= Rounds; run.Round++)
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select(c => c.RunRoundAsync(RoundDuration)));
            await invariants.CheckAsync();
            await TestContext.Out.WriteLineAsync(
                $"Round {run.Round}: {clock.Elapsed.TotalSeconds:F1} s, {run.Customers.Live().Count} live customers, {run.Violations.Count} violations so far; {run.TakeOutcomes()}");
        }

        if (run.Violations.Count > 0)
        {
            await WriteErrorLogsAsync();
        }

        Assert.That(run.Violations.Count, Is.Zero, run.Violations.Report());
    }

    // What the instances said about their 5xx answers, for whoever reads the failure: each distinct
    // exception once, by its first two lines (the exception and the one inside it).
    private async Task WriteErrorLogsAsync()
    {
        for (var i = 0; i < _instances!.Clients.Count; i++)
        {
            var exceptions = _instances.ErrorLogOf(i)
                .Select(line => ExceptionOf(line))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal);
            foreach (var exception in exceptions.Take(5))
            {
                await TestContext.Out.WriteLineAsync($"instance {i} logged: {exception}");
            }
        }
    }

    private static string? ExceptionOf(string logLine)
    {
        try
        {
            return JsonNode.Parse(logLine)?["@x"]?.GetValue<string>() is { } exception
                ? string.Join(' ', exception.Split('\n').Take(2).Select(l => l.Trim()))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
