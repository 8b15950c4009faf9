using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>
/// An email address as the client wrote it, with the normalized form that uniqueness is decided on.
/// </summary>
public sealed record EmailAddress
{
    public const int MaxLength = 254;
    private const int MaxLocalPartLength = 64;

    private EmailAddress(string value)
    {
        Value = value;
        Normalized = Normalize(value);
    }

    /// <summary>The address exactly as sent: the stored email keeps the client's casing.</summary>
    public string Value { get; }

    /// <summary>Lower-cased form: two addresses that differ only in case are the same customer.</summary>
    public string Normalized { get; }

    public static EmailAddress Create(string value)
    {
        if (Check(value) is { } problem)
        {
            throw new DomainRuleViolationException("email", $"email {problem}", CustomerErrorCodes.InvalidEmail);
        }

        return new EmailAddress(value);
    }

    public static string Normalize(string value) => value.ToLowerInvariant();

    /// <summary>Returns what is wrong with the address, or null when it is acceptable.</summary>
    public static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "must not be empty";
        }

        if (value.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters";
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return "must not contain spaces or control characters";
            }
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || at != value.LastIndexOf('@'))
        {
            return "must contain exactly one '@'";
        }

        if (at == 0 || at > MaxLocalPartLength)
        {
            return $"must have a local part of 1 to {MaxLocalPartLength} characters before the '@'";
        }

        var domain = value.AsSpan(at + 1);
        if (!domain.Contains('.') || domain[0] == '.' || domain[^1] == '.' || domain.Contains("..", StringComparison.Ordinal))
        {
            return "must have a domain with a dot, such as example.com";
        }

        return null;
    }
}
