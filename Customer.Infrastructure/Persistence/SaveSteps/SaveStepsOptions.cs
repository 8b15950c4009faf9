using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.SaveSteps;

internal static class SaveStepsOptions
{
    private static readonly CustomerVersionInterceptor Versions = new();
    private static readonly CommittedEventsInterceptor Events = new();

    /// <summary>What every save of the Customer aggregate does besides writing: raise versions, then commit events.</summary>
    public static DbContextOptionsBuilder AddCustomerSaveSteps(this DbContextOptionsBuilder options) =>
        options.AddInterceptors(Versions, Events);
}
