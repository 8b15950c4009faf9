using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.Application.Common.Json;

/// <summary>
/// Reads a filter value the ways the original framework accepted it: one string, a comma-separated
/// string (<c>"a,b"</c>), or an array of strings. Only a plain string is split, its blank parts dropped;
/// an array element is one value whole, commas included, and a blank one is kept for validation to refuse.
/// Every value is trimmed.
/// </summary>
public sealed class StringListJsonConverter : JsonConverter<IReadOnlyList<string>>, IFlexibleJsonShape
{
    public override bool HandleNull => false;

    public string Expected => "a string or an array of strings";

    public bool Accepts(JsonTokenType token) => token is JsonTokenType.String or JsonTokenType.StartArray;

    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a string or an array of strings.");
        }

        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("Expected an array of strings.");
            }

            values.Add(reader.GetString()!.Trim());
        }

        return values;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}
