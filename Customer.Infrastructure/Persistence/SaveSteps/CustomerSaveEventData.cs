using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Infrastructure.Persistence.SaveSteps;

internal static class CustomerSaveEventData
{
    /// <summary>The customer context a save step was called for; the steps serve no other.</summary>
    public static CustomerDbContext CustomerContext(this DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return eventData.Context as CustomerDbContext
            ?? throw new InvalidOperationException($"The customer save steps serve only {nameof(CustomerDbContext)}.");
    }
}
