using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>
/// Two real instances, A and B, on one database, started once for the fixture. Each call is awaited
/// before the next, so every case is a plain sequence of changes through one instance and then the
/// other. One fixture for all such cases, one file per kind of case: each start of two instances costs
/// seconds. Every case works on customers of its own.
/// </summary>
[Category("Slow")]
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed partial class TwoInstanceSequenceTests(DatabaseKind database)
{
    private InstancesOnOneDatabase? _instances;

    private ApiClient A => _instances!.Clients[0];

    private ApiClient B => _instances!.Clients[1];

    [OneTimeSetUp]
    public async Task StartTwoInstances() => _instances = await InstancesOnOneDatabase.StartAsync(2, database);

    [OneTimeTearDown]
    public void StopInstances() => _instances?.Dispose();

    /// <summary>Creates a customer through A (so that A holds it as it saved it) and returns it as answered.</summary>
    private async Task<JsonObject> CreateOnAAsync(JsonObject? body = null)
    {
        var response = await A.PostAsync("customer.create", body ?? CustomerRequests.Create(CustomerRequests.UniqueEmail("two-instances")));
        ApiAssert.Success(response);
        return response.Customer;
    }

    private static Task<ApiResponse> CallAsync(ApiClient via, CallStep step, JsonObject customer)
    {
        var call = step(customer);
        return via.PostAsync(call.Method, call.Body);
    }

    /// <summary>Runs a step that must succeed and returns the customer as it answered.</summary>
    private static async Task<JsonObject> SucceedAsync(ApiClient via, CallStep step, JsonObject customer)
    {
        var response = await CallAsync(via, step, customer);
        ApiAssert.Success(response);
        return response.Customer;
    }

    private static Task<ApiResponse> InfoAsync(ApiClient via, string id) =>
        via.PostAsync("customer.info", new JsonObject { ["id"] = id });

    /// <summary>The customer as an instance reads it now; fails unless it is there.</summary>
    private static async Task<JsonObject> StoredAsync(ApiClient via, string id)
    {
        var response = await InfoAsync(via, id);
        ApiAssert.Success(response);
        return response.Customer;
    }

    private static void AssertGone(ApiResponse info, string instance) =>
        Assert.That((info.Status, info.Error), Is.EqualTo((HttpStatusCode.NotFound, "customer_not_found")),
            $"customer.info via {instance} after the remove: {info.Text}");
}
