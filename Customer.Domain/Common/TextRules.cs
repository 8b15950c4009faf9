namespace CustomerService.Domain.Common;

/// <summary>Checks shared by every free-text field. Each returns a problem description, or null when the value is fine.</summary>
public static class TextRules
{
    public static string? CheckRequired(string? value, int maxLength)
    {
        if (value is null)
        {
            return "is required";
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return "must not be empty";
        }

        return CheckContent(trimmed, maxLength);
    }

    public static string? CheckOptional(string? value, int maxLength) =>
        value is null ? null : CheckContent(value.Trim(), maxLength);

    private static string? CheckContent(string trimmed, int maxLength)
    {
        if (trimmed.Length > maxLength)
        {
            return $"must be at most {maxLength} characters";
        }

        foreach (var c in trimmed)
        {
            if (char.IsControl(c))
            {
                return "must not contain control characters";
            }
        }

        return null;
    }

    /// <summary>Trims, and turns an optional blank value into null so "" and absent mean the same.</summary>
    public static string? NormalizeOptional(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
