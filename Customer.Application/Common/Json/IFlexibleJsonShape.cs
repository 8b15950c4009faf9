using System.Text.Json;

namespace CustomerService.Application.Common.Json;

/// <summary>
/// Implemented by converters that accept more than one JSON shape for a property, so that the API's
/// request checking can tell callers what is expected without running the converter.
/// </summary>
public interface IFlexibleJsonShape
{
    /// <summary>The accepted shapes in words, e.g. "a string or a number".</summary>
    string Expected { get; }

    /// <summary>Whether a value starting with this token is acceptable; an accepted array must hold strings.</summary>
    bool Accepts(JsonTokenType token);
}
