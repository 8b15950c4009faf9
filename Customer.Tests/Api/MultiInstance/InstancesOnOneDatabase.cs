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

    // Clients of killed instances: a writer may still hold one, so they are disposed only at the end.
    private readonly List<ApiClient> _retiredClients = [];
    private readonly TestTokens _tokens = new();
    private Dictionary<string, string> _settings = [];

    private InstancesOnOneDatabase(DatabaseKind database)
    {
        _database = database;
        _connectionString = CustomerApiFactory.FreshDatabase(database);
    }

    /// <summary>The database every instance uses.</summary>
    public string ConnectionString => _connectionString;

    /// <summary>One client per instance, in start order, each with a token granting every scope.</summary>
    public IReadOnlyList<ApiClient> Clients => _clients;

    /// <summary>Starts the instances; <paramref name="extraSettings"/> are environment variables for each (e.g. <c>Messaging__RabbitMq__Uri</c>).</summary>
    public static async Task<InstancesOnOneDatabase> StartAsync(int count, DatabaseKind database, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        HttpFixture.SkipUnlessAvailable(database);
        var instances = new InstancesOnOneDatabase(database);
        var settings = instances._tokens.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["Database__Provider"] = database.ToString();
        settings["ConnectionStrings__Customers"] = instances._connectionString;
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        instances._settings = settings;
        try
        {
            // One after the other: each instance migrates the database at start-up, and two doing it at
            // the same moment on a new database would race each other, which no deployment does.
            for (var i = 0; i < count; i++)
            {
                var process = await ServiceProcess.StartAsync(settings);
                instances._processes.Add(process);
                instances._clients.Add(instances.ClientOf(process));
            }
        }
        catch
        {
            instances.Dispose();
            throw;
        }

        return instances;
    }

    /// <summary>The database kind every instance uses.</summary>
    public DatabaseKind Database => _database;

    public int ProcessIdOf(int instance) => _processes[instance].ProcessId;

    /// <summary>Ends an instance at once, as a crash would (SIGKILL); its client then fails to connect.</summary>
    public void Kill(int instance) => _processes[instance].KillHard();

    /// <summary>Starts a new process in a killed instance's place (on a new port), with the same settings; its client replaces the old one.</summary>
    public async Task RestartAsync(int instance)
    {
        var process = await ServiceProcess.StartAsync(_settings);
        _processes[instance].Dispose();
        _processes[instance] = process;
        _retiredClients.Add(_clients[instance]);
        _clients[instance] = ClientOf(process);
    }

    /// <summary>Everything an instance's current process has written so far (compact JSON log entries, one a line).</summary>
    public string OutputOf(int instance) => _processes[instance].Output;

    /// <summary>The error and fatal entries an instance has logged so far (compact JSON, one a line).</summary>
    public IEnumerable<string> ErrorLogOf(int instance) =>
        _processes[instance].Output.Split('\n').Where(line => line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal));

    private ApiClient ClientOf(ServiceProcess process) =>
        new(new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) }, _tokens.Valid());

    public void Dispose()
    {
        foreach (var client in _clients.Concat(_retiredClients))
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
