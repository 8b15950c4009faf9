using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// Change tracking for a customer's tags: equal when the same tags are in the same order. EF Core's
/// default comparer for a primitive collection compiles to code that builds a delegate for its element
/// comparer on every snapshot and comparison (each tracked load, change scan and save); each
/// expression here is a single call to a method, which compiles to nothing more than that call.
/// </summary>
internal sealed class TagListComparer : ValueComparer<IReadOnlyList<string>>
{
    public TagListComparer()
        : base((left, right) => AreEqual(left, right), tags => HashOf(tags), tags => Copy(tags))
    {
    }

    private static bool AreEqual(IReadOnlyList<string>? left, IReadOnlyList<string>? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null && left.SequenceEqual(right, StringComparer.Ordinal));

    private static int HashOf(IReadOnlyList<string> tags)
    {
        var hash = default(HashCode);
        foreach (var tag in tags)
        {
            hash.Add(tag, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    private static List<string> Copy(IReadOnlyList<string> tags) => [.. tags];
}
