namespace CustomerService.Tests.Support;

/// <summary>
/// One service (and database) shared by all tests of a fixture; tests keep out of each other's way
/// with unique emails. Run it on every database with [TestFixtureSource(typeof(Databases), nameof(Databases.All))].
/// </summary>
public abstract class HttpFixture(DatabaseKind database) : DatabaseFixture(database)
{
    protected CustomerApiFactory Factory { get; private set; } = null!;

    /// <summary>Sends a valid bearer token.</summary>
    protected ApiClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartService()
    {
        Factory = NewFactory();
        Client = Factory.CreateApiClient();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        Client?.Dispose();
        Factory?.Dispose();
    }

    /// <summary>Creates a customer from the standard body (with a unique email) and returns its response's customer.</summary>
    protected async Task<System.Text.Json.Nodes.JsonObject> CreateAsync(System.Text.Json.Nodes.JsonObject? body = null)
    {
        var response = await Client.PostAsync("customer.create", body ?? CustomerRequests.Create());
        return EnvelopeAssert.IsCustomer(response);
    }
}
