namespace CustomerService.Tests.Support;

/// <summary>
/// An <see cref="HttpFixture"/> whose tests call the service through a <see cref="ClockedService"/>: a
/// clock they move and a hasher that counts. Tests keep out of each other's way with unique emails;
/// the clock only ever moves forward.
/// </summary>
public abstract class ClockedHttpFixture(DatabaseKind database) : HttpFixture(database)
{
    protected const string Password = "correct horse battery";

    protected ClockedService Service { get; private set; } = null!;

    protected ApiClient Clocked => Service.Client;

    [OneTimeSetUp]
    public void StartClockedService() => Service = new ClockedService(Factory);

    [OneTimeTearDown]
    public void StopClockedService() => Service?.Dispose();

    /// <summary>Creates a customer with <see cref="Password"/> through the clocked service; returns its id and email.</summary>
    protected async Task<(string Id, string Email)> CreateWithPasswordAsync(string emailPrefix)
    {
        var email = CustomerRequests.UniqueEmail(emailPrefix);
        var body = CustomerRequests.Create(email);
        body["password"] = Password;
        var response = await Clocked.PostAsync("customer.create", body);
        return (EnvelopeAssert.IsCustomer(response)["id"]!.GetValue<string>(), email);
    }

    protected Task<ApiResponse> CheckAsync(string email, string password) =>
        Clocked.PostAsync("customer.checkCredentials", new System.Text.Json.Nodes.JsonObject { ["email"] = email, ["password"] = password });
}
