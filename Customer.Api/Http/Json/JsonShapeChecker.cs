using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Json;

namespace CustomerService.Api.Http.Json;

/// <summary>
/// Walks a request body once, before it is deserialized, and lists every way its shape differs from
/// the target type: syntax, unknown fields (no mass assignment), repeated fields, wrong JSON types,
/// nulls where a value is required, text that is not UTF-8. Deserialization alone would stop at the
/// first problem and describe it in .NET terms; clients get all of them, named by their field.
/// </summary>
internal static class JsonShapeChecker
{
    /// <summary>The field name used for problems with the body as a whole.</summary>
    public const string BodyField = "body";

    // Enough to describe any honest mistake; a hostile body does not get a megabyte of errors back.
    private const int MaxErrors = 50;
    private const int MaxFieldNameInPath = 64;

    public static List<FieldError> Check(ReadOnlySequence<byte> body, JsonTypeInfo typeInfo)
    {
        var errors = new List<FieldError>();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = ApiJson.MaxDepth });
        try
        {
            if (!reader.Read())
            {
                errors.Add(new FieldError(BodyField, "body must not be empty: send a JSON object"));
                return errors;
            }

            if (reader.TokenType != JsonTokenType.StartObject || typeInfo.Kind != JsonTypeInfoKind.Object)
            {
                errors.Add(new FieldError(BodyField, "body must be a JSON object"));
                return errors;
            }

            CheckObject(ref reader, typeInfo, string.Empty, errors);

            // Anything but whitespace after the object makes the reader throw here.
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            errors.Clear();
            var problem = reader.CurrentDepth >= ApiJson.MaxDepth - 1
                ? $"body nests deeper than {ApiJson.MaxDepth} levels"
                : $"body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
            errors.Add(new FieldError(BodyField, problem));
        }

        return errors;
    }

    private static void CheckObject(ref Utf8JsonReader reader, JsonTypeInfo typeInfo, string prefix, List<FieldError> errors)
    {
        List<string>? seen = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = ReadText(ref reader);
            reader.Read();
            if (name is null)
            {
                Add(errors, prefix.Length == 0 ? BodyField : prefix, "has a field name that is not valid UTF-8 text");
                reader.Skip();
                continue;
            }

            var path = PathOf(prefix, name);
            seen ??= [];
            if (seen.Contains(name))
            {
                Add(errors, path, "appears more than once");
                reader.Skip();
                continue;
            }

            seen.Add(name);
            var property = FindProperty(typeInfo, name);
            if (property is null)
            {
                Add(errors, path, "is not a field of this method");
                reader.Skip();
                continue;
            }

            if (property.CustomConverter is IFlexibleJsonShape flexible)
            {
                CheckFlexibleValue(ref reader, flexible, property.IsSetNullable, path, errors);
            }
            else
            {
                CheckValue(ref reader, property.PropertyType, property.IsSetNullable, path, errors);
            }
        }
    }

    private static void CheckFlexibleValue(ref Utf8JsonReader reader, IFlexibleJsonShape shape, bool nullable, string path, List<FieldError> errors)
    {
        var token = reader.TokenType;
        if (token == JsonTokenType.Null)
        {
            if (!nullable)
            {
                Add(errors, path, $"must be {shape.Expected}, not null");
            }

            return;
        }

        if (!shape.Accepts(token))
        {
            Add(errors, path, $"must be {shape.Expected}");
            reader.Skip();
            return;
        }

        if (token == JsonTokenType.StartArray)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                CheckValue(ref reader, typeof(string), nullable: false, $"{path}[{index}]", errors);
                index++;
            }
        }
        else if (token == JsonTokenType.String && ReadText(ref reader) is null)
        {
            Add(errors, path, "must be valid UTF-8 text");
        }
    }

    private static void CheckValue(ref Utf8JsonReader reader, Type type, bool nullable, string path, List<FieldError> errors)
    {
        var token = reader.TokenType;
        if (token == JsonTokenType.Null)
        {
            if (!nullable)
            {
                Add(errors, path, $"must be {Describe(type)}, not null");
            }

            return;
        }

        var typeInfo = ApiJson.Options.GetTypeInfo(type);
        var matches = typeInfo.Kind switch
        {
            JsonTypeInfoKind.Object => token == JsonTokenType.StartObject,
            JsonTypeInfoKind.Enumerable => token == JsonTokenType.StartArray,
            JsonTypeInfoKind.Dictionary => token == JsonTokenType.StartObject,
            _ => MatchesPrimitive(ref reader, type),
        };

        if (!matches)
        {
            Add(errors, path, $"must be {Describe(type)}");
            reader.Skip();
            return;
        }

        if (token == JsonTokenType.String && ReadText(ref reader) is null)
        {
            Add(errors, path, "must be valid UTF-8 text");
        }
        else if (typeInfo.Kind == JsonTypeInfoKind.Object)
        {
            CheckObject(ref reader, typeInfo, path, errors);
        }
        else if (typeInfo.Kind == JsonTypeInfoKind.Enumerable)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                // Null elements are the validators' to report, with the element's own rule.
                CheckValue(ref reader, typeInfo.ElementType!, nullable: true, $"{path}[{index}]", errors);
                index++;
            }
        }
        else if (typeInfo.Kind == JsonTypeInfoKind.Dictionary)
        {
            reader.Skip();
        }
    }

    private static bool MatchesPrimitive(ref Utf8JsonReader reader, Type type)
    {
        var token = reader.TokenType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return token == JsonTokenType.String;
        }

        if (type == typeof(bool))
        {
            return token is JsonTokenType.True or JsonTokenType.False;
        }

        if (type == typeof(int))
        {
            return token == JsonTokenType.Number && reader.TryGetInt32(out _);
        }

        if (type == typeof(long))
        {
            return token == JsonTokenType.Number && reader.TryGetInt64(out _);
        }

        // Other primitives are left to the serializer, which reports its own failure.
        return true;
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "an integer";
        }

        return ApiJson.Options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            _ => "an object",
        };
    }

    /// <summary>The text of the current string or property name, or null when it is not valid UTF-8.</summary>
    private static string? ReadText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && !Utf8.IsValid(reader.ValueSpan))
        {
            return null;
        }

        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static JsonPropertyInfo? FindProperty(JsonTypeInfo typeInfo, string name)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return property;
            }
        }

        return null;
    }

    private static string PathOf(string prefix, string name)
    {
        if (name.Length > MaxFieldNameInPath)
        {
            name = string.Concat(name.AsSpan(0, MaxFieldNameInPath), "…");
        }

        return prefix.Length == 0 ? name : $"{prefix}.{name}";
    }

    private static void Add(List<FieldError> errors, string field, string problem)
    {
        if (errors.Count < MaxErrors)
        {
            errors.Add(new FieldError(field, $"{field} {problem}"));
        }
    }
}
