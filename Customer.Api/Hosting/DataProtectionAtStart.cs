namespace CustomerService.Api.Hosting;

/// <summary>
/// Authentication brings ASP.NET Core data protection, whose hosted service loads its key ring at start:
/// on a fresh machine it writes a key to ~/.aspnet and warns that the key is stored unencrypted. Nothing in
/// this service protects data (bearer tokens are checked with configured keys; no cookies, no antiforgery),
/// so the key ring is not loaded at start. Code that one day protects data still gets it on first use.
/// </summary>
internal static class DataProtectionAtStart
{
    private const string KeyRingLoader = "DataProtectionHostedService";

    public static IServiceCollection WithoutDataProtectionKeyRingAtStart(this IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType?.Name == KeyRingLoader)
            {
                services.RemoveAt(i);
            }
        }

        return services;
    }
}
