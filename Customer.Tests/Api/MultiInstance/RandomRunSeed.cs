using System.Globalization;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>The seed of a randomized run: <c>CUSTOMER_TEST_SEED</c> replays a run, otherwise a new seed is drawn.</summary>
public static class RandomRunSeed
{
    public const string Variable = "CUSTOMER_TEST_SEED";

    public static int Choose() =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();

    /// <summary>One client's own sequence of choices: the same for the same seed and client, whatever the others do.</summary>
    public static Random ForClient(int seed, int client) => new(unchecked((seed * 7919) + client));
}
