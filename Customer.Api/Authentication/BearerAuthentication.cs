using CustomerService.Api.Authorization;
using CustomerService.Api.Http.Envelope;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CustomerService.Api.Authentication;

/// <summary>
/// Bearer tokens, configured the framework's way from <c>Authentication:Schemes:Bearer</c>
/// (ValidIssuer, ValidAudiences, SigningKeys, or Authority for an OIDC issuer), which is also what
/// <c>dotnet user-jwts create</c> writes in Development.
/// </summary>
public static partial class BearerAuthentication
{
    public const string ConfigurationSection = "Authentication:Schemes:Bearer";
    public const int MinSigningKeyBytes = 32;

    public static IServiceCollection AddBearerAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.IsDevelopment())
        {
            EnsureConfigured(configuration);
        }

        EnsureSigningKeysAreStrong(configuration);

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        if (environment.IsDevelopment())
        {
            services.ReloadBearerOptionsOnChange(configuration);
        }

        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.MapInboundClaims = false;
            var parameters = options.TokenValidationParameters;
            parameters.ValidateIssuer = true;
            parameters.ValidateAudience = true;
            parameters.ValidateLifetime = true;
            parameters.RequireExpirationTime = true;
            parameters.RequireSignedTokens = true;
            parameters.ClockSkew = TimeSpan.FromSeconds(30);

            // The framework reads SigningKeys from configuration lazily, and the handler copies these
            // parameters on every request: left lazy, every request would re-read the configuration
            // (under its lock) and decode and hash each key again. Options are rebuilt, and this runs
            // again, when they are reloaded.
            if (parameters.IssuerSigningKeys is { } keys)
            {
                parameters.IssuerSigningKeys = keys.ToArray();
            }

            options.Events = new JwtBearerEvents
            {
                OnChallenge = async context =>
                {
                    // Replace the framework's empty 401 with the envelope; the reason stays in the log.
                    var refusal = TokenRefusal.For(context.AuthenticateFailure, context.Request.Headers.Authorization.ToString());
                    var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BearerAuthentication));
                    LogTokenRefused(logger, refusal.Reason, refusal.Detail);
                    context.HandleResponse();
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    await EnvelopeWriter.WriteErrorAsync(context.Response, ApiErrorCodes.InvalidToken);
                },
                OnForbidden = context => EnvelopeWriter.WriteErrorAsync(context.Response, ApiErrorCodes.Forbidden),
            };
        });
        services.AddScopeAuthorization();
        return services;
    }

    /// <summary>HMAC keys shorter than the hash (32 bytes for HS256) can be brute-forced; such a key stops start-up.</summary>
    private static void EnsureSigningKeysAreStrong(IConfiguration configuration)
    {
        foreach (var key in configuration.GetSection($"{ConfigurationSection}:SigningKeys").GetChildren())
        {
            var setting = $"{ConfigurationSection}:SigningKeys:{key.Key}:Value";
            var value = key["Value"];
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var bytes = new byte[value.Length];
            if (!Convert.TryFromBase64String(value, bytes, out var length))
            {
                throw new InvalidOperationException($"{setting} is not base64.");
            }

            if (length < MinSigningKeyBytes)
            {
                throw new InvalidOperationException($"{setting} is {length} bytes; a signing key needs at least {MinSigningKeyBytes}.");
            }
        }
    }

    /// <summary>Outside Development a service that cannot validate tokens must not start at all.</summary>
    /// <summary>Whether signing keys or an authority are configured, so that some token can be validated.</summary>
    public static bool HasTokenValidation(IConfiguration configuration)
    {
        var section = configuration.GetSection(ConfigurationSection);
        var hasKeys = section.GetSection("SigningKeys").GetChildren().Any(k => !string.IsNullOrWhiteSpace(k["Value"]));
        return hasKeys || !string.IsNullOrWhiteSpace(section["Authority"]);
    }

    private static void EnsureConfigured(IConfiguration configuration)
    {
        var section = configuration.GetSection(ConfigurationSection);
        if (!HasTokenValidation(configuration))
        {
            throw new InvalidOperationException(
                $"No bearer token validation is configured: set {ConfigurationSection}:Authority (an OIDC issuer) " +
                $"or {ConfigurationSection}:SigningKeys (Issuer and base64 Value), with ValidIssuer and ValidAudiences.");
        }

        var hasAudience = section.GetSection("ValidAudiences").GetChildren().Any() || !string.IsNullOrWhiteSpace(section["ValidAudience"]);
        if (!hasAudience)
        {
            throw new InvalidOperationException($"{ConfigurationSection}:ValidAudiences is not set: tokens would be accepted for any audience.");
        }
    }

    // Information: a refused token is the caller's mistake, not the service's fault.
    [LoggerMessage(Level = LogLevel.Information, Message = "Bearer token refused: {TokenRefusal} ({TokenRefusalDetail}); answered invalid_token")]
    private static partial void LogTokenRefused(ILogger logger, string tokenRefusal, string tokenRefusalDetail);
}
