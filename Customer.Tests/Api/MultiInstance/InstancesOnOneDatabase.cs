using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>
/// Several real service processes on one database (a SQLite file, or a server database of its own),
/// as instances behind a load balancer share one. Disposing stops them and deletes the database.
/// </summary>
public sealed class InstancesOnOneDatabase : IDisposable
{
    private readonly DatabaseKind _database;
    private readonly string _connectionString;
    private readonly List<ServiceProcess> _processes = [];
    private readonly List<ApiClient> _clients = [];

    private InstancesOnOneDatabase(DatabaseKind database)
    {
        _database = database;
        _connectionString = CustomerApiFactory.FreshDatabase(database);
    }

    /// <summary>The database every instance uses.</summary>
    public string ConnectionString => _connectionString;

    /// <summary>One client per instance, in start order, each with a token granting every scope.</summary>
    public IReadOnlyList<ApiClient> Clients => _clients;

    public static async Task<InstancesOnOneDatabase> StartAsync(int count, DatabaseKind database)
    {
        HttpFixture.SkipUnlessAvailable(database);
        var instances = new InstancesOnOneDatabase(database);
        var tokens = new TestTokens();
        var settings = tokens.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["Database__Provider"] = database.ToString();
        settings["ConnectionStrings__Customers"] = instances._connectionString;
        try
        {
            // One after the other: each instance migrates the database at start-up, and two doing it at
            // the same moment on a new database would race each other, which no deployment does.
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

        TestDatabase.Drop(_database, _connectionString);
    }
}
