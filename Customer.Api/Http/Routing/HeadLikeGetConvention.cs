using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace CustomerService.Api.Http.Routing;

/// <summary>
/// HEAD answers wherever GET does, as HTTP requires: every endpoint whose methods include GET gets HEAD
/// too, with the same handler, authorization and headers. Kestrel sends no body for a HEAD request.
/// </summary>
public static class HeadLikeGetConvention
{
    public static TBuilder AllowHeadWhereGetIsAllowed<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Finally: only after every other convention has settled the endpoint's methods.
        builder.Finally(AddHead);
        return builder;
    }

    private static void AddHead(EndpointBuilder endpoint)
    {
        // Routing reads the last HTTP-method metadata; none means every method is already allowed.
        var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault();
        if (methods is null || !methods.HttpMethods.Any(HttpMethods.IsGet) || methods.HttpMethods.Any(HttpMethods.IsHead))
        {
            return;
        }

        endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
    }
}
