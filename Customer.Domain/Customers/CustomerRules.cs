using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>
/// The limits of a customer's fields, in one place: validators report them all at once,
/// the aggregate enforces them again so it can never be put into an invalid state.
/// </summary>
public static class CustomerRules
{
    public const int MaxNameLength = 100;
    public const int MaxTags = 50;
    public const int MaxTagLength = 50;
    public const int MaxAddresses = 20;
    public const int MinPasswordLength = 8;

    // PBKDF2 cost does not grow with length, but an unbounded secret is still an unbounded allocation.
    public const int MaxPasswordLength = 256;

    public static string? CheckName(string? value) => TextRules.CheckRequired(value, MaxNameLength);

    public static string? CheckTag(string? value) => TextRules.CheckRequired(value, MaxTagLength);

    public static string? CheckPassword(string? value)
    {
        if (value is null)
        {
            return "is required";
        }

        if (value.Length < MinPasswordLength)
        {
            return $"must be at least {MinPasswordLength} characters";
        }

        return value.Length > MaxPasswordLength ? $"must be at most {MaxPasswordLength} characters" : null;
    }

    /// <summary>Trims each tag and drops repeats, keeping the order in which tags first appear.</summary>
    public static IReadOnlyList<string> NormalizeTags(IEnumerable<string> tags)
    {
        var result = new List<string>();
        foreach (var tag in tags)
        {
            var trimmed = tag.Trim();
            if (!result.Contains(trimmed, StringComparer.Ordinal))
            {
                result.Add(trimmed);
            }
        }

        return result;
    }
}
