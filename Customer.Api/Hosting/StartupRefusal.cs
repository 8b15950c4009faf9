using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Serilog.Events;

namespace CustomerService.Api.Hosting;

/// <summary>
/// Start-up failures an operator fixes by changing a setting or the machine: each is one line naming the
/// setting or the address, and exit code 1. Anything else is a bug and keeps its stack trace.
/// </summary>
internal static class StartupRefusal
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>The line to print for <paramref name="exception"/>, or null when it is not such a failure.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        // Configuration checks throw these with a message that names the setting.
        InvalidOperationException or OptionsValidationException => exception.Message,

        // Kestrel's message names the address: "Failed to bind to address http://...: address already in use."
        IOException { InnerException: AddressInUseException or SocketException } =>
            $"{exception.Message} Stop what listens there, or choose another address (ASPNETCORE_URLS or --urls).",
        _ => null,
    };

    /// <summary>
    /// The host logs a failed start with the stack trace before the exception reaches Program; for a failure
    /// Program reports in one line, that event is left out.
    /// </summary>
    public static bool IsReportedByProgram(LogEvent logEvent) =>
        logEvent.Exception is { } exception
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: HostCategory }
        && Describe(exception) is not null;
}
