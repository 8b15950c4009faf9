using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CustomerService.Api.Authorization;

/// <summary>The scope names a token must carry, from <c>Authorization:Scopes</c>.</summary>
public sealed class ScopeOptions
{
    public const string SectionName = "Authorization:Scopes";

    /// <summary>Needed by the read methods (customer.info, customer.list, customer.address.info).</summary>
    public string Read { get; set; } = "customers.read";

    /// <summary>Needed by every other method.</summary>
    public string Write { get; set; } = "customers.write";
}

/// <summary>The two policies every action names, one or the other.</summary>
public static class ScopePolicies
{
    public const string Read = "customers:read";
    public const string Write = "customers:write";
}

public enum ScopeKind
{
    Read,
    Write,
}

/// <summary>The authenticated caller's token grants the configured scope of this kind.</summary>
public sealed class ScopeRequirement(ScopeKind kind) : IAuthorizationRequirement
{
    public ScopeKind Kind { get; } = kind;
}

/// <summary>
/// Reads the granted scopes from <c>scope</c> (a space-separated string, or an array as
/// <c>dotnet user-jwts</c> writes it) and <c>scp</c> (a string or an array).
/// </summary>
public sealed class ScopeAuthorizationHandler(IOptionsMonitor<ScopeOptions> options) : AuthorizationHandler<ScopeRequirement>
{
    private static readonly string[] ScopeClaimTypes = ["scope", "scp"];

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var scopes = options.CurrentValue;
        var needed = requirement.Kind == ScopeKind.Read ? scopes.Read : scopes.Write;
        if (context.User.Identity?.IsAuthenticated == true && Grants(context.User, needed))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    // Runs on every request: reads the space-separated scope lists in place, without splitting them.
    private static bool Grants(System.Security.Claims.ClaimsPrincipal user, string needed)
    {
        foreach (var claim in user.Claims)
        {
            if (!ScopeClaimTypes.Contains(claim.Type, StringComparer.Ordinal))
            {
                continue;
            }

            foreach (var range in claim.Value.AsSpan().Split(' '))
            {
                if (claim.Value.AsSpan(range).Trim().SequenceEqual(needed))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

public static class ScopeAuthorization
{
    /// <summary>The read and write policies; a missing scope is answered 403 <c>forbidden</c> by the bearer scheme.</summary>
    public static IServiceCollection AddScopeAuthorization(this IServiceCollection services)
    {
        services.AddOptions<ScopeOptions>()
            .BindConfiguration(ScopeOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Read) && !string.IsNullOrWhiteSpace(o.Write), $"{ScopeOptions.SectionName}:Read and :Write must not be empty.")
            .Validate(o => !o.Read.Contains(' ', StringComparison.Ordinal) && !o.Write.Contains(' ', StringComparison.Ordinal), $"{ScopeOptions.SectionName} names cannot contain spaces.")
            .ValidateOnStart();
        services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ScopePolicies.Read, policy => policy.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(ScopeKind.Read)))
            .AddPolicy(ScopePolicies.Write, policy => policy.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(ScopeKind.Write)));
        return services;
    }
}
