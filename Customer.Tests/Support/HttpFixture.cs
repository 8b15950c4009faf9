namespace CustomerService.Tests.Support;

/// <summary>
/// One service (and database) shared by all tests of a fixture; tests keep out of each other's way
/// with unique emails. SQL Server and PostgreSQL fixtures are skipped, with the reason, when no server is configured.
/// </summary>
public abstract class HttpFixture(DatabaseKind database)
{
    public const string SqlServerSkipReason = "CUSTOMER_TEST_SQLSERVER is not set: SQL Server integration cases skipped";
    public const string PostgreSqlSkipReason = "CUSTOMER_TEST_POSTGRES is not set: PostgreSQL integration cases skipped";

    protected DatabaseKind Database { get; } = database;

    protected CustomerApiFactory Factory { get; private set; } = null!;

    /// <summary>Sends a valid bearer token.</summary>
    protected ApiClient Client { get; private set; } = null!;

    public static void SkipUnlessAvailable(DatabaseKind database)
    {
        if (database == DatabaseKind.SqlServer && CustomerApiFactory.SqlServerConnectionString is null)
        {
            Assert.Ignore(SqlServerSkipReason);
        }

        if (database == DatabaseKind.PostgreSql && CustomerApiFactory.PostgreSqlConnectionString is null)
        {
            Assert.Ignore(PostgreSqlSkipReason);
        }
    }

    [OneTimeSetUp]
    public void StartService()
    {
        SkipUnlessAvailable(Database);
        Factory = new CustomerApiFactory(Database);
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
