using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace CustomerService.Api.OpenApi;

internal static class RequestTypes
{
    /// <summary>The command or query an action binds (its one argument besides the cancellation token).</summary>
    public static Type? Of(ApiDescription description) =>
        description.ActionDescriptor.Parameters
            .Select(p => p.ParameterType)
            .FirstOrDefault(t => t != typeof(CancellationToken));
}
