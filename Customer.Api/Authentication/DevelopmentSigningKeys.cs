using System.Reflection;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace CustomerService.Api.Authentication;

/// <summary>
/// Development's signing key is made by <c>dotnet user-jwts create</c>, often after the service has
/// started. The service watches the user secrets file for it and rebuilds its token validation when
/// it appears, so a token made after start is accepted without a restart (docs/decisions/012).
/// </summary>
internal static partial class DevelopmentSigningKeys
{
    /// <summary>The one command, run from the repository root, that makes the key and a token the README's calls need.</summary>
    public const string CreateTokenCommand =
        "dotnet user-jwts create --project Customer.Api --scope customers.read --scope customers.write --output token";

    private const string SecretsFileName = "secrets.json";

    /// <summary>
    /// The framework watches the user secrets file only when its directory exists at start; on a machine
    /// that never had a user secret it would watch a file of that name in the content root instead.
    /// Creates the directory and puts a watching source in the same place, so precedence is unchanged.
    /// </summary>
    public static void WatchUserSecrets(IConfigurationBuilder configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.IsDevelopment()
            || typeof(DevelopmentSigningKeys).Assembly.GetCustomAttribute<UserSecretsIdAttribute>() is not { } secrets)
        {
            return;
        }

        var directory = Path.GetDirectoryName(PathHelper.GetSecretsPathFromSecretsId(secrets.UserSecretsId))!;
        Directory.CreateDirectory(directory);
        var sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: SecretsFileName })
            {
                sources[i] = new JsonConfigurationSource
                {
                    FileProvider = new PhysicalFileProvider(directory),
                    Path = SecretsFileName,
                    Optional = true,
                    ReloadOnChange = true,
                };
            }
        }
    }

    /// <summary>Rebuilds the bearer options (and so re-reads the signing keys) whenever configuration reloads.</summary>
    public static IServiceCollection ReloadBearerOptionsOnChange(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IOptionsChangeTokenSource<JwtBearerOptions>>(
            new ConfigurationChangeTokenSource<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, configuration));

    /// <summary>In Development with no key at all, says at start the one command that fixes it.</summary>
    public static void WarnWhenMissing(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment()
            || BearerAuthentication.HasTokenValidation(services.GetRequiredService<IConfiguration>()))
        {
            return;
        }

        LogNoSigningKey(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DevelopmentSigningKeys)), CreateTokenCommand);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No signing key for development tokens yet: every call will be answered invalid_token. Run {Command} from the repository root; its tokens are accepted without a restart")]
    private static partial void LogNoSigningKey(ILogger logger, string command);
}
