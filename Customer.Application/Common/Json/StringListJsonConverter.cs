using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.Application.Common.Json;

/// <summary>
/// Reads a filter value the ways the original framework accepted it: one string, a comma-separated
/// string (<c>"a,b"</c>), or an array of strings. Blank entries are dropped.
/// </summary>
public sealed class StringListJsonConverter : JsonConverter<IReadOnlyList<string>>, IFlexibleJsonShape
{
    public override bool HandleNull => false;

    public string Expected => "a string or an array of strings";

    public bool Accepts(JsonTokenType token) => token is JsonTokenType.String or JsonTokenType.StartArray;

    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var values = new List<string>();
        if (reader.TokenType == JsonTokenType.String)
        {
            AddSplit(values, reader.GetString()!);
            return values;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a string or an array of strings.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("Expected an array of strings.");
            }

            AddSplit(values, reader.GetString()!);
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

    private static void AddSplit(List<string> values, string text)
    {
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            values.Add(part);
        }
    }
}
