using System.Net;
using CustomerService.Tests.Support;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Api;

// SQLite only: the route table reads no data, so it is the same whatever the provider.
/// <summary>HEAD is allowed by every endpoint that allows GET, whoever mapped it, Scalar's included.</summary>
public sealed class HeadRouteCoverageTests
{
    [Test]
    public async Task EveryEndpointThatAllowsGetAllowsHead()
    {
        using var factory = new CustomerApiFactory(DatabaseKind.Sqlite, extraSettings: new Dictionary<string, string> { ["OpenApi:ScalarEnabled"] = "true" });
        using var client = factory.CreateClient();
        using var scalar = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/scalar", UriKind.Relative)));

        var methods = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Name: e.DisplayName, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Methods?.Contains("GET") == true)
            .ToList();

        Assert.That(methods, Has.Count.GreaterThanOrEqualTo(5), "the read methods, the OpenAPI document and Scalar's pages");
        Assert.That(methods.Where(e => !e.Methods!.Contains("HEAD")).Select(e => e.Name), Is.Empty);
        Assert.That(scalar.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
