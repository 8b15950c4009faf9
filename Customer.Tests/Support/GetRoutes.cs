namespace CustomerService.Tests.Support;

/// <summary>Every route the service answers GET on, each as a path and query to fill with a stored customer's ids.</summary>
public static class GetRoutes
{
    public static IReadOnlyList<string> All { get; } =
    [
        ApiClient.MethodsPath + "customer.info?id={customer}",
        ApiClient.MethodsPath + "customer.list?limit=1",
        ApiClient.MethodsPath + "customer.address.info?customerId={customer}&addressId={address}",
        "/health/live",
        "/health/ready",
        "/openapi/v1.json",
    ];

    /// <summary>The route with {customer} and {address} replaced by these ids.</summary>
    public static string Fill(string route, string customerId, string addressId)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Replace("{customer}", Uri.EscapeDataString(customerId), StringComparison.Ordinal)
            .Replace("{address}", Uri.EscapeDataString(addressId), StringComparison.Ordinal);
    }
}
