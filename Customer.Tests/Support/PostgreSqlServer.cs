using System.Diagnostics;

namespace CustomerService.Tests.Support;

/// <summary>
/// Stops and starts the local PostgreSQL cluster named by <c>CUSTOMER_TEST_POSTGRES_CLUSTER</c>
/// ("15/main", as .ci/run sets it), for the tests of a server that goes away under load.
/// </summary>
public static class PostgreSqlServer
{
    public const string ClusterVariable = "CUSTOMER_TEST_POSTGRES_CLUSTER";

    public const string SkipReason = "CUSTOMER_TEST_POSTGRES_CLUSTER is not set: the PostgreSQL server fault cases need a local cluster they may restart";

    public static string? Cluster => Environment.GetEnvironmentVariable(ClusterVariable) is { Length: > 0 } value ? value : null;

    public static void SkipUnlessControllable()
    {
        HttpFixture.SkipUnlessAvailable(DatabaseKind.PostgreSql);
        if (Cluster is null)
        {
            Assert.Ignore(SkipReason);
        }
    }

    public static Task RestartAsync() => RunAsync("restart");

    public static Task StopAsync() => RunAsync("stop");

    public static Task StartAsync() => RunAsync("start");

    /// <summary>Starts the cluster unless it runs already (pg_ctlcluster then exits with 2).</summary>
    public static Task EnsureRunningAsync() => Cluster is null ? Task.CompletedTask : RunAsync("start", alreadyDone: 2);

    private static async Task RunAsync(string action, int? alreadyDone = null)
    {
        var cluster = Cluster ?? throw new InvalidOperationException($"{ClusterVariable} is not set.");
        var (version, name) = (cluster.Split('/')[0], cluster.Split('/')[1]);
        var startInfo = Environment.UserName == "root"
            ? new ProcessStartInfo("pg_ctlcluster")
            : new ProcessStartInfo("sudo") { ArgumentList = { "-n", "pg_ctlcluster" } };
        foreach (var argument in new[] { "--skip-systemctl-redirect", version, name, action })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardOutput = true;
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("pg_ctlcluster did not start.");
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && process.ExitCode != alreadyDone)
        {
            throw new AssertionException($"pg_ctlcluster {action} exited with {process.ExitCode}: {await error}");
        }
    }
}
