namespace CustomerService.Api.Http.Routing;

/// <summary>The <c>MicroBase</c> configuration section.</summary>
public sealed class MicroBaseOptions
{
    public const string SectionName = "MicroBase";

    /// <summary>Prefix of every method route: <c>{BasePath}/customer/v1/customer.update</c>.</summary>
    public string BasePath { get; set; } = "/services";
}
