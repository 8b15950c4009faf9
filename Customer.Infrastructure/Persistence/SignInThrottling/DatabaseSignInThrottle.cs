using System.Security.Cryptography;
using System.Text;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.SignInThrottling;

/// <summary>
/// The sign-in throttle in the database, shared by every instance (docs/decisions/015). A failure is
/// one atomic UPDATE that adds one to the stored count (or starts again at one once the count has
/// expired), so failures counted by several instances at once all count; the first failure of a key
/// inserts its row, and an insert that loses the race to another instance adds its one by the UPDATE.
/// New rows make room: expired rows are deleted, and beyond <see cref="SignInThrottleOptions.MaxEntries"/>
/// the rows whose last failure is oldest are evicted. Writes go directly to the database, outside the
/// unit of work's change tracker, so they never carry a command's other changes with them.
/// </summary>
internal sealed class DatabaseSignInThrottle(
    CustomerDbContext db,
    IPersistenceFailureClassifier classifier,
    SignInThrottleOptions options) : ISignInThrottle
{
    private DbSet<SignInFailureCount> Counts => db.Set<SignInFailureCount>();

    public async Task<SignInFailures> GetAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var key = KeyOf(normalizedEmail);
        var row = await Counts.AsNoTracking()
            .Where(c => c.Key == key)
            .Select(c => new { c.Failures, c.LastFailureAt })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? SignInFailures.None : new SignInFailures(row.Failures, row.LastFailureAt);
    }

    public Task RecordFailureAsync(string normalizedEmail, DateTime now, CancellationToken cancellationToken) =>
        db.WriteOutsideSaveAsync(
            async token =>
            {
                var key = KeyOf(normalizedEmail);
                if (await AddOneAsync(key, now, token))
                {
                    return true;
                }

                try
                {
                    await db.Database.ExecuteSqlAsync(
                        $"INSERT INTO \"SignInFailureCounts\" (\"Key\", \"Failures\", \"LastFailureAt\") VALUES ({key}, 1, {now})",
                        token);
                }
                catch (Exception ex) when (classifier.Classify(ex)?.Kind == PersistenceFailureKind.UniqueViolation)
                {
                    // Another instance inserted the row first: its failure and this one both count.
                    return await AddOneAsync(key, now, token);
                }

                await MakeRoomAsync(now, token);
                return true;
            },
            cancellationToken);

    public Task ClearAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.WriteOutsideSaveAsync(
            async token =>
            {
                var key = KeyOf(normalizedEmail);
                return await Counts.Where(c => c.Key == key).ExecuteDeleteAsync(token);
            },
            cancellationToken);

    /// <summary>The key of an email: its SHA-256, so the table never holds an address, whether a customer has it or not.</summary>
    internal static string KeyOf(string normalizedEmail) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));

    private async Task<bool> AddOneAsync(string key, DateTime now, CancellationToken cancellationToken)
    {
        var expiredBefore = now - SignInThrottleSchedule.CountExpiresAfter;
        var updated = await Counts
            .Where(c => c.Key == key)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(c => c.Failures, c => c.LastFailureAt <= expiredBefore ? 1 : c.Failures + 1)
                    .SetProperty(c => c.LastFailureAt, now),
                cancellationToken);
        return updated > 0;
    }

    private async Task MakeRoomAsync(DateTime now, CancellationToken cancellationToken)
    {
        var expiredBefore = now - SignInThrottleSchedule.CountExpiresAfter;
        await Counts.Where(c => c.LastFailureAt <= expiredBefore).ExecuteDeleteAsync(cancellationToken);
        var beyondTheCap = await Counts
            .OrderByDescending(c => c.LastFailureAt)
            .ThenBy(c => c.Key)
            .Skip(options.MaxEntries)
            .Select(c => c.Key)
            .Take(100)
            .ToListAsync(cancellationToken);
        if (beyondTheCap.Count > 0)
        {
            await Counts.Where(c => beyondTheCap.Contains(c.Key)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
