using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>
/// One client of the randomized run: calls one after another, each through an instance picked at
/// random, with a pause between. Every answer goes through <see cref="AnswerRules"/> and is recorded
/// against the customer it is about. A client that owns a field keeps its last acknowledged value and
/// says, through <see cref="Problems"/>, where a stored customer contradicts it.
/// </summary>
public abstract class SimulatedClient
{
    private readonly Dictionary<string, int> _lastSeenVersion = new(StringComparer.Ordinal);

    protected SimulatedClient(string name, int number, RandomRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Name = name;
        Run = run;
        Random = RandomRunSeed.ForClient(run.Seed, number);
    }

    public string Name { get; }

    protected RandomRun Run { get; }

    protected Random Random { get; }

    /// <summary>Milliseconds between two calls, at random in this range: correctness, not load, is the point.</summary>
    protected virtual (int Min, int Max) Pause => (25, 75);

    public async Task RunRoundAsync(TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            if (Random.NextDouble() < 0.2)
            {
                await ReadAsync();
            }
            else
            {
                await ActAsync();
            }

            await Task.Delay(Random.Next(Pause.Min, Pause.Max + 1));
        }
    }

    /// <summary>Where the stored customer contradicts this client's last acknowledged changes; each problem reported once.</summary>
    public virtual IEnumerable<string> Problems(TrackedCustomer customer, JsonObject stored) => [];

    protected abstract Task ActAsync();

    /// <summary>The version this client last saw the customer at, three times in ten; otherwise none.</summary>
    protected int? MaybeVersion(TrackedCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return Random.NextDouble() < 0.3 && _lastSeenVersion.TryGetValue(customer.Id, out var version) ? version : null;
    }

    /// <summary>
    /// Calls a method through one instance (at random unless given) and checks the answer. A call made
    /// alongside another of this client's (<paramref name="inSequence"/> false) is left out of the
    /// check that the versions this client sees never go down.
    /// </summary>
    protected async Task<ObservedCall> SendAsync(
        string method, JsonObject body, TrackedCustomer? about, int? version = null, int? instance = null, bool inSequence = true)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (version is { } sent)
        {
            body["version"] = sent;
        }

        var via = instance ?? Random.Next(Run.Instances.Count);
        var removedBefore = about?.RemoveAcknowledged == true;
        var at = Run.Elapsed;
        var request = body.ToJsonString();
        ObservedCall call;
        try
        {
            var response = await Run.Instances[via].PostRawAsync(method, request);
            call = new ObservedCall(Run.Round, at, Name, via, method, request, version, response.Status, response.Text);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            call = new ObservedCall(Run.Round, at, Name, via, method, request, version, null, e.Message);
        }

        Run.Count(call);
        AnswerRules.Check(call, Run.Violations);
        if (about is not null)
        {
            Record(call, about, removedBefore, inSequence);
        }

        return call;
    }

    /// <summary>customer.info about a random customer, or customer.list of the run's customers.</summary>
    protected async Task ReadAsync()
    {
        if (Random.NextDouble() < 0.25)
        {
            var list = await SendAsync("customer.list", new JsonObject { ["tags"] = Run.RunTag, ["limit"] = 100 }, about: null);
            RecordList(list);
        }
        else if (Run.Customers.Pick(Random) is { } customer)
        {
            var info = await SendAsync("customer.info", new JsonObject { ["id"] = customer.Id }, customer);
            if (info.Customer is { } stored)
            {
                foreach (var problem in Problems(customer, stored))
                {
                    Run.Violations.Add("a read after an acknowledged change shows another value", $"{problem}; {info}");
                }
            }
        }
    }

    private void Record(ObservedCall call, TrackedCustomer about, bool removedBefore, bool inSequence)
    {
        if (call.Is(HttpStatusCode.NotFound, "customer_not_found"))
        {
            about.RecordNotFound(call);
        }

        if (call.IsOk && removedBefore)
        {
            Run.Violations.Add("a 200 about a customer whose remove was acknowledged before the call", call);
        }

        if (call.Customer is { } customer && customer["id"]?.GetValue<string>() == about.Id)
        {
            See(call, about, customer, isWrite: call.Method != "customer.info", inSequence);
        }
        else if (inSequence && call.Error == "version_conflict" && call.Data?["actual"]?.GetValue<int>() is { } actual)
        {
            _lastSeenVersion[about.Id] = Math.Max(actual, _lastSeenVersion.GetValueOrDefault(about.Id));
        }
    }

    private void RecordList(ObservedCall list)
    {
        foreach (var entry in list.IsOk ? list.Body?["data"]?.AsArray() ?? [] : [])
        {
            if (entry is JsonObject customer && Run.Customers.Find(customer["id"]!.GetValue<string>()) is { } tracked)
            {
                See(list, tracked, customer, isWrite: false, inSequence: true);
            }
        }
    }

    private void See(ObservedCall call, TrackedCustomer about, JsonObject customer, bool isWrite, bool inSequence)
    {
        if (about.Observe(call, customer, isWrite) is { } earlier)
        {
            Run.Violations.Add("two different customers answered under one version",
                $"{call}; earlier: {earlier}");
        }

        if (!inSequence)
        {
            return;
        }

        var version = TrackedCustomer.Version(customer);
        if (_lastSeenVersion.TryGetValue(about.Id, out var seen) && version < seen)
        {
            Run.Violations.Add("a client saw a customer's version go down", $"from {seen} to {version}: {call}");
        }

        _lastSeenVersion[about.Id] = Math.Max(version, seen);
    }
}
