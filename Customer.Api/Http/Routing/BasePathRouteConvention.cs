using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CustomerService.Api.Http.Routing;

/// <summary>Puts the configured MicroBase base path in front of every controller route.</summary>
internal sealed class BasePathRouteConvention(string basePath) : IApplicationModelConvention
{
    private readonly AttributeRouteModel _prefix = new() { Template = basePath.Trim('/') };

    public void Apply(ApplicationModel application)
    {
        if (string.IsNullOrEmpty(_prefix.Template))
        {
            return;
        }

        foreach (var selector in application.Controllers.SelectMany(c => c.Selectors))
        {
            selector.AttributeRouteModel = AttributeRouteModel.CombineAttributeRouteModel(_prefix, selector.AttributeRouteModel);
        }
    }
}
