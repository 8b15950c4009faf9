using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// EF Core logs every failed command and failed save at Error, with the stack trace, before the service
/// has decided what the failure means. Most are answers, not faults: the losing request of a unique-email
/// race, a conflict that is retried, a lock that is retried or answered 503. So these two events go to
/// Debug, and the service logs each failure once, at the level its meaning deserves: Information for a
/// client's mistake, Warning for 503, Error with the stack trace for a bug (docs/decisions/012).
/// </summary>
public static class FailedCommandLogging
{
    public static DbContextOptionsBuilder LogFailedCommandsAtDebug(this DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
    }
}
