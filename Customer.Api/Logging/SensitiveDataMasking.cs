using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace CustomerService.Api.Logging;

/// <summary>
/// Masks email addresses (<c>jane@example.com</c> becomes <c>j***@example.com</c>) in every property
/// of every event, whoever logged it: the request summary, ASP.NET Core's hosting events (whose
/// <c>QueryString</c> carries <c>customer.list?email=...</c>), EF Core, the application. URL-encoded
/// addresses (<c>%40</c>) are masked too.
/// </summary>
public sealed partial class SensitiveDataMasking : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var masked = Mask(value);
            if (!ReferenceEquals(masked, value))
            {
                (changed ??= []).Add(new LogEventProperty(name, masked));
            }
        }

        foreach (var property in changed ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary>The text with every email address masked; the same instance when there was none.</summary>
    public static string MaskEmails(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Every string property of every event comes through here: the plain character searches go first.
        return text.Contains('@', StringComparison.Ordinal)
            || (text.Contains('%', StringComparison.Ordinal) && text.Contains("%40", StringComparison.OrdinalIgnoreCase))
            ? EmailPattern().Replace(text, match => $"{match.Groups["first"].Value}***{match.Groups["at"].Value}{match.Groups["domain"].Value}")
            : text;
    }

    /// <summary>The value with emails masked, or the same instance when nothing needed masking.</summary>
    private static LogEventPropertyValue Mask(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var masked = MaskEmails(text);
                return ReferenceEquals(masked, text) ? value : new ScalarValue(masked);
            case ScalarValue { Value: not null and not IFormattable and not bool } scalar:
                // PathString, QueryString, Uri and the like render through ToString.
                var rendered = scalar.Value.ToString() ?? string.Empty;
                var maskedRendering = MaskEmails(rendered);
                return ReferenceEquals(maskedRendering, rendered) ? value : new ScalarValue(maskedRendering);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Mask).ToList();
                return elements.SequenceEqual(sequence.Elements) ? value : new SequenceValue(elements);
            case StructureValue structure:
                var properties = structure.Properties.Select(p => new LogEventProperty(p.Name, Mask(p.Value))).ToList();
                return properties.Select(p => p.Value).SequenceEqual(structure.Properties.Select(p => p.Value))
                    ? value
                    : new StructureValue(properties, structure.TypeTag);
            case DictionaryValue dictionary:
                var entries = dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Mask(e.Value))).ToList();
                return entries.Select(e => e.Value).SequenceEqual(dictionary.Elements.Select(e => e.Value))
                    ? value
                    : new DictionaryValue(entries);
            default:
                return value;
        }
    }

    // The first character of the local part survives; the rest of it does not. "%40" is an encoded "@".
    // "=", "?", "&" and "#" end the local part: they delimit query strings far more often than they occur in addresses.
    [GeneratedRegex(@"(?<first>[A-Za-z0-9_+\-])[A-Za-z0-9._%+\-'!$*^`{|}~]*(?<at>@|%40)(?<domain>[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EmailPattern();
}
