using System.Diagnostics;

namespace CustomerService.Application.Common.Diagnostics;

/// <summary>
/// The application's own diagnostics names. The activity source is plain System.Diagnostics: it costs
/// a null check when nobody listens, and any tracer (OpenTelemetry in the Api) may subscribe by name.
/// </summary>
public static class ApplicationDiagnostics
{
    public const string ActivitySourceName = "CustomerService.Application";

    /// <summary>The log scope property naming the message type (<c>UpdateCustomerCommand</c>).</summary>
    public const string CommandProperty = "Command";

    /// <summary>The log scope property and span tag carrying the customer's id.</summary>
    public const string CustomerIdProperty = "CustomerId";

    /// <summary>The span tag carrying the message type.</summary>
    public const string CommandTag = "customer.command";

    /// <summary>The span tag carrying the customer's id.</summary>
    public const string CustomerIdTag = "customer.id";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}
