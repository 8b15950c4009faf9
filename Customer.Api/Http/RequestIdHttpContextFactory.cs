using Microsoft.AspNetCore.Http.Features;

namespace CustomerService.Api.Http;

/// <summary>
/// Gives each request its id as the HttpContext is created, before the host opens the request's log
/// scope, so even the host's own "request starting/finished" events carry the caller's x-request-id.
/// </summary>
internal sealed class RequestIdHttpContextFactory(IServiceProvider services) : IHttpContextFactory
{
    private readonly DefaultHttpContextFactory _inner = new(services);

    public HttpContext Create(IFeatureCollection featureCollection)
    {
        var context = _inner.Create(featureCollection);
        context.TraceIdentifier = RequestIdMiddleware.AdoptOrCreate(context.Request.Headers);
        return context;
    }

    public void Dispose(HttpContext httpContext) => _inner.Dispose(httpContext);
}
