using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.Application.Common.Json;

/// <summary>
/// Reads a JSON string, or a JSON number as the text it was written with (the original service's
/// examples send phone numbers as numbers; leading zeros and length are kept as written).
/// </summary>
public sealed class StringOrNumberJsonConverter : JsonConverter<string>, IFlexibleJsonShape
{
    public override bool HandleNull => false;

    public string Expected => "a string or a number";

    public bool Accepts(JsonTokenType token) => token is JsonTokenType.String or JsonTokenType.Number;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            _ => throw new JsonException("Expected a string or a number."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
