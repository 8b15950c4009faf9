using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CustomerService.Application.Common.Security;
using CustomerService.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Integration.Fuzz;

/// <summary>
/// Generated hostile bodies for every method: valid requests about real customers, damaged in every
/// way <see cref="HostileJson"/> knows. Whatever arrives, the answer is a well-formed envelope and never
/// a 5xx, no error leaks internals, and the stored data keeps every invariant. Each method has a fixed
/// seed (set <c>CUSTOMER_FUZZ_SEED</c> to try another, <c>CUSTOMER_FUZZ_CASES</c> for more cases); a
/// failure names the seed and case index, which regenerate the same mutations.
/// </summary>
[Category("Fuzz")]
[NonParallelizable]
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class HostileInputFuzzTests(DatabaseKind database) : DatabaseFixture(database)
{
    private const int DefaultCases = 5_000;
    private const int Parallelism = 4;
    private const int TargetCustomers = 4;
    private const int MaxReported = 5;

    private CustomerApiFactory _factory = null!;
    private WebApplicationFactory<Program> _fastHashing = null!;

    public static IEnumerable<TestCaseData> Methods() =>
        FuzzMethod.All.Select(m => new TestCaseData(m).SetArgDisplayNames(m.Name));

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("CUSTOMER_FUZZ_CASES"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultCases;

    [OneTimeSetUp]
    public void StartService()
    {
        _factory = NewFactory();

        // Same service and database, with a fast password hasher: see FastPasswordHasher for why.
        _fastHashing = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPasswordHasher, FastPasswordHasher>()));
    }

    [OneTimeTearDown]
    public void StopService()
    {
        _fastHashing?.Dispose();
        _factory?.Dispose();
    }

    [TestCaseSource(nameof(Methods))]
    public async Task EveryHostileBodyGetsAWellFormedEnvelopeAndLeavesTheDataValid(FuzzMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var seed = SeedFor(method);
        using var client = new ApiClient(_fastHashing.CreateClient(), _factory.Tokens.Valid());
        var targets = await CreateTargetsAsync(client, method.Name);
        var failures = new ConcurrentBag<(int Index, string Report)>();
        var statuses = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, Cases), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (index, _) =>
        {
            var body = Generate(method, seed, index, targets);
            var response = await client.PostBytesAsync(method.Name, body.Bytes);
            statuses.AddOrUpdate($"{(int)response.Status} {Code(response.Text)}", 1, (_, n) => n + 1);
            if (EnvelopeShape.Problem(response.Status, response.Text, method.ResultProperty) is { } problem)
            {
                failures.Add((index, Report(method, seed, index, body, response, problem)));
            }
        });

        clock.Stop();
        TestContext.Out.WriteLine($"{method.Name}: {Cases} bodies (seed {seed}) in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var (outcome, count) in statuses.OrderByDescending(s => s.Value))
        {
            TestContext.Out.WriteLine($"  {count,6} x {outcome}");
        }

        var violations = await StoredInvariants.ViolationsAsync(_factory);
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty, () =>
                $"{failures.Count} of {Cases} bodies for {method.Name} (seed {seed}) got a bad answer; first ones:\n" +
                string.Join("\n\n", failures.OrderBy(f => f.Index).Take(MaxReported).Select(f => f.Report)));
            Assert.That(violations, Is.Empty, () =>
                $"stored data broken after the {method.Name} corpus (seed {seed}):\n" + string.Join("\n", violations.Take(20)));
        });
    }

    /// <summary>The body of one case: the same seed, index and targets always give the same bytes.</summary>
    public static HostileBody Generate(FuzzMethod method, int seed, int index, IReadOnlyList<FuzzTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(method);
        var random = new Random(unchecked((seed * 1_000_003) + index));
        return new HostileJson(random, method.Limits).Mutate(method.ValidBody(targets, random, index), index);
    }

    private static int SeedFor(FuzzMethod method) =>
        int.TryParse(Environment.GetEnvironmentVariable("CUSTOMER_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : method.Seed;

    /// <summary>Fresh customers with a few addresses each, so each method's corpus starts from the same kind of data.</summary>
    private static async Task<IReadOnlyList<FuzzTarget>> CreateTargetsAsync(ApiClient client, string method)
    {
        var targets = new List<FuzzTarget>();
        for (var i = 0; i < TargetCustomers; i++)
        {
            var body = CustomerRequests.Create(CustomerRequests.UniqueEmail("fuzz"));
            body["password"] = FuzzMethod.Password;
            body["addresses"] = new JsonArray(CustomerRequests.Address(), CustomerRequests.Address(), CustomerRequests.Address());
            var customer = EnvelopeAssert.IsCustomer(await client.PostAsync("customer.create", body));
            targets.Add(new FuzzTarget(
                customer["id"]!.GetValue<string>(),
                customer["email"]!.GetValue<string>(),
                [.. customer["addresses"]!.AsArray().Select(a => a!["id"]!.GetValue<string>())]));
        }

        return targets;
    }

    private static string Code(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["error"]?.GetValue<string>() ?? "ok";
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return "(unparsable)";
        }
    }

    private static string Report(FuzzMethod method, int seed, int index, HostileBody body, ApiResponse response, string problem)
    {
        var text = Encoding.UTF8.GetString(body.Bytes);
        return $"[{method.Name} seed={seed} case={index}] {problem}\n" +
               $"  mutations: {body.Describe()}\n" +
               $"  body ({body.Bytes.Length} bytes): {Clip(text, 600)}\n" +
               $"  body hex head: {Convert.ToHexString(body.Bytes.AsSpan(0, Math.Min(body.Bytes.Length, 64)))}\n" +
               $"  response {(int)response.Status}: {Clip(response.Text, 600)}";
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
