using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CustomerService.Infrastructure.Persistence.SaveSteps;

internal static class TrackedEntries
{
    /// <summary>
    /// The tracked entries of one type, without another scan for changes: <see cref="CustomerDbContext"/>
    /// scans once per save, before the save steps, and each further scan of the whole graph showed in the profile.
    /// </summary>
    public static List<EntityEntry<T>> Of<T>(ChangeTracker changeTracker)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(changeTracker);
        var detectChanges = changeTracker.AutoDetectChangesEnabled;
        changeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. changeTracker.Entries<T>()];
        }
        finally
        {
            changeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }
}
