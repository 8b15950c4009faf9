using CustomerService.Infrastructure.Persistence.SavedCopies;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.SaveSteps;

internal static class SaveStepsOptions
{
    private static readonly CustomerVersionInterceptor Versions = new();
    private static readonly CommittedEventsInterceptor Events = new();

    /// <summary>
    /// What every save of the Customer aggregate does besides writing, in this order: raise versions
    /// (scanning for changes once, for the steps after it), commit events, then keep the saved copies
    /// when the service has them (contexts built by hand in tests and tools have none).
    /// </summary>
    public static DbContextOptionsBuilder AddCustomerSaveSteps(this DbContextOptionsBuilder options, SavedCopiesUpkeepInterceptor? copies = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddInterceptors(Versions, Events);
        return copies is null ? options : options.AddInterceptors(copies);
    }
}
