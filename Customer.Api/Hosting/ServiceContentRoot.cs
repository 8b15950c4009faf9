namespace CustomerService.Api.Hosting;

/// <summary>
/// Where the service finds its appsettings.json. The framework's default is the current directory, so
/// <c>dotnet /srv/customer/Customer.Api.dll</c> started from anywhere else would run without its
/// settings: no log output, no level overrides. When neither the command line nor the environment names a
/// content root and the current directory has no appsettings.json, the directory of the service's own
/// files (where publish puts appsettings.json) is used instead.
/// </summary>
internal static class ServiceContentRoot
{
    private const string SettingsFile = "appsettings.json";

    /// <summary>The content root to use, or null to keep the framework's choice.</summary>
    public static string? Choose(string[] args, string currentDirectory, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        var named = args.Any(arg => arg.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };
        if (named || File.Exists(Path.Combine(currentDirectory, SettingsFile)))
        {
            return null;
        }

        return File.Exists(Path.Combine(baseDirectory, SettingsFile)) ? baseDirectory : null;
    }
}
