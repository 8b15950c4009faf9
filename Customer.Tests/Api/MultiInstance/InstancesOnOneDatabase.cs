using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>
/// Several real service processes on one SQLite file, as instances behind a load balancer share one
/// database. Disposing stops them and deletes the database.
/// </summary>
public sealed class InstancesOnOneDatabase : IDisposable
{
    private readonly string _database;
    private readonly List<ServiceProcess> _processes = [];
    private readonly List<ApiClient> _clients = [];

    private InstancesOnOneDatabase(string database) => _database = database;

    /// <summary>One client per instance, in start order, each with a token granting every scope.</summary>
    public IReadOnlyList<ApiClient> Clients => _clients;

    public static async Task<InstancesOnOneDatabase> StartAsync(int count, string name)
    {
        var instances = new InstancesOnOneDatabase(Path.Combine(Path.GetTempPath(), $"customer-{name}-{Guid.NewGuid():N}.db"));
        var tokens = new TestTokens();
        var settings = tokens.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["ConnectionStrings__Customers"] = $"Data Source={instances._database}";
        try
        {
            // One after the other: each instance migrates the database at start-up, and two doing it at
            // the same moment on a new file would race each other, which no deployment does.
            for (var i = 0; i < count; i++)
            {
                var process = await ServiceProcess.StartAsync(settings);
                instances._processes.Add(process);
                instances._clients.Add(new ApiClient(
                    new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) },
                    tokens.Valid()));
            }
        }
        catch
        {
            instances.Dispose();
            throw;
        }

        return instances;
    }

    /// <summary>The error and fatal entries an instance has logged so far (compact JSON, one a line).</summary>
    public IEnumerable<string> ErrorLogOf(int instance) =>
        _processes[instance].Output.Split('\n').Where(line => line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal));

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var process in _processes)
        {
            process.Dispose();
        }

        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
