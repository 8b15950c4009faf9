using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerService.Tests.Integration.Fuzz;

/// <summary>The kinds of damage done to a valid body; every case gets one as its main mutation, in turn.</summary>
public enum MutationKind
{
    DeleteField,
    SwapType,
    BoundaryLength,
    RandomUnicode,
    HugeNumber,
    DuplicateKey,
    UnknownField,
    DeepNesting,
    Truncate,
    InvalidUtf8,
}

/// <summary>One generated body: the bytes sent, and what was done to make them.</summary>
public sealed record HostileBody(byte[] Bytes, IReadOnlyList<string> Mutations)
{
    public string Describe() => string.Join("; ", Mutations);
}

/// <summary>
/// Turns a valid request body into a hostile one, deterministically from a <see cref="Random"/>:
/// structural damage on the JSON tree first, then damage to the text and bytes that a tree cannot hold
/// (duplicate keys, lone surrogates, truncation, invalid UTF-8).
/// </summary>
public sealed class HostileJson(Random random, FieldLimits limits)
{
    private const string LoneHigh = "~~LONE_D800~~";
    private const string LoneLow = "~~LONE_DC00~~";

    private static readonly MutationKind[] Kinds = Enum.GetValues<MutationKind>();

    private static readonly string[] UnicodePieces =
    [
        "a", "Z", "0", " ", "-", ".", "@", "\"", "\\", "/", "'", "<", "&", "%00", "{}", "[]",
        "\0", "\u0001", "\u0007", "\b", "\t", "\n", "\r", "\u001B", "\u001F", "\u007F", "\u0085", "\u009F",
        "\u00A0", "\u2028", "\u2029", "\u200B", "\u200D", "\uFEFF", "\u3000", "\uFFFD", "\uFFFF",
        "\u202E", "\u200F", "\u061C", "مرحبا", "שלום", "é", "e\u0301", "ß", "İ", "ﬀ", "漢字", "𝔘",
        "😀", "👨‍👩‍👧", "🏳️‍🌈", "🇺🇸", LoneHigh, LoneLow,
    ];

    private static readonly string[] HugeNumbers =
    [
        "1e308", "1e309", "-1e309", "1e999999", "4.9e-324", "1e-400", "123456789012345678901234567890",
        "-123456789012345678901234567890", "9223372036854775807", "9223372036854775808", "18446744073709551616",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "-0", "0.0", "1.5", "-1", "0", "1E2", "1e+2",
        "0." + new string('0', 400) + "1", new string('9', 1000),
    ];

    private static readonly string[] UnknownNames =
    [
        "isAdmin", "role", "version", "createdAt", "updatedAt", "passwordHash", "normalizedEmail", "__proto__",
        "constructor", "$where", "Id", "EMAIL", "first_name", "", " ", "\u0000", "😀", "a.b", "tags[0]",
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xC3], [0xC3, 0x28], [0xE2, 0x82],
        [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0x00], [0xEF, 0xBB, 0xBF],
    ];

    /// <summary>A hostile variant of <paramref name="valid"/>; <paramref name="index"/> chooses the main mutation.</summary>
    public HostileBody Mutate(JsonObject valid, int index)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var log = new List<string>();
        JsonNode? root = valid.DeepClone();
        var duplicates = new List<(JsonObject Target, string Key, JsonNode? Value)>();
        var primary = Kinds[index % Kinds.Length];
        var extras = random.Next(3);
        var textKinds = new List<MutationKind>();
        foreach (var kind in Enumerable.Repeat(primary, 1).Concat(Enumerable.Range(0, extras).Select(_ => Kinds[random.Next(Kinds.Length)])))
        {
            switch (kind)
            {
                case MutationKind.Truncate or MutationKind.InvalidUtf8:
                    textKinds.Add(kind);
                    break;
                case MutationKind.DuplicateKey:
                    AddDuplicate(root, duplicates, log);
                    break;
                default:
                    root = MutateTree(root, kind, log);
                    break;
            }
        }

        var bytes = Serialize(root, duplicates, random.Next(2) == 0);
        foreach (var kind in textKinds)
        {
            bytes = kind == MutationKind.Truncate ? Truncate(bytes, log) : BreakUtf8(bytes, log);
        }

        return new HostileBody(bytes, log);
    }

    private JsonNode? MutateTree(JsonNode? root, MutationKind kind, List<string> log)
    {
        var nodes = Descendants(root).ToList();

        // Now and then the whole body is the victim, not one of its fields.
        if (nodes.Count == 0 || random.Next(25) == 0)
        {
            var replacement = kind == MutationKind.DeepNesting ? Nested(PickDepth()) : RandomValue(depth: 0);
            log.Add($"{kind}: whole body -> {Preview(replacement)}");
            return replacement;
        }

        var target = nodes[random.Next(nodes.Count)];
        var path = target.GetPath();
        switch (kind)
        {
            case MutationKind.DeleteField:
                Remove(target);
                log.Add($"delete {path}");
                break;
            case MutationKind.SwapType:
                var swapped = RandomValue(depth: 0);
                Replace(target, swapped);
                log.Add($"type swap {path} -> {Preview(swapped)}");
                break;
            case MutationKind.BoundaryLength:
                return Boundary(root, nodes, log);
            case MutationKind.RandomUnicode:
                var text = RandomText(random.Next(1, 40));
                Replace(target, JsonValue.Create(text));
                log.Add($"unicode {path} -> {Preview(JsonValue.Create(text))}");
                break;
            case MutationKind.HugeNumber:
                var number = JsonNode.Parse(HugeNumbers[random.Next(HugeNumbers.Length)]);
                Replace(target, number);
                log.Add($"huge number {path} -> {Preview(number)}");
                break;
            case MutationKind.UnknownField:
                var objects = Descendants(root).Prepend(root).OfType<JsonObject>().ToList();
                if (objects.Count > 0)
                {
                    var owner = objects[random.Next(objects.Count)];
                    var name = UnknownNames[random.Next(UnknownNames.Length)] + (random.Next(2) == 0 ? "" : random.Next(100).ToString(CultureInfo.InvariantCulture));
                    if (!owner.ContainsKey(name))
                    {
                        owner[name] = RandomValue(depth: 0);
                        log.Add($"unknown field {owner.GetPath()}.{name}");
                    }
                }

                break;
            case MutationKind.DeepNesting:
                var depth = PickDepth();
                Replace(target, Nested(depth));
                log.Add($"nesting {depth} deep at {path}");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a tree mutation.");
        }

        return root;
    }

    /// <summary>A string or array with a known limit set to 0, 1, max or max+1 (a number with a range, to its edges).</summary>
    private JsonNode? Boundary(JsonNode? root, List<JsonNode> nodes, List<string> log)
    {
        var candidates = nodes.Where(n => limits.LimitOf(n) is not null).ToList();
        if (candidates.Count == 0)
        {
            log.Add("boundary: nothing limited");
            return root;
        }

        var target = candidates[random.Next(candidates.Count)];
        var limit = limits.LimitOf(target)!;
        var length = limit.Edges[random.Next(limit.Edges.Count)];
        JsonNode? replacement = limit.Kind switch
        {
            LimitKind.Text => JsonValue.Create(limit.IsEmail ? EmailOfLength(length) : TextOfLength(length)),
            LimitKind.Count => ArrayOfCount((JsonArray)target, length),
            _ => JsonValue.Create(length),
        };
        log.Add($"boundary {target.GetPath()} -> {limit.Kind} {length.ToString(CultureInfo.InvariantCulture)}");
        Replace(target, replacement);
        return root;
    }

    private void AddDuplicate(JsonNode? root, List<(JsonObject, string, JsonNode?)> duplicates, List<string> log)
    {
        var objects = Descendants(root).Prepend(root).OfType<JsonObject>().Where(o => o.Count > 0).ToList();
        if (objects.Count == 0)
        {
            log.Add("duplicate key: no object");
            return;
        }

        var owner = objects[random.Next(objects.Count)];
        var key = owner.ElementAt(random.Next(owner.Count)).Key;
        var value = random.Next(3) == 0 ? owner[key]?.DeepClone() : RandomValue(depth: 0);
        duplicates.Add((owner, key, value));
        log.Add($"duplicate key {owner.GetPath()}.{key} -> {Preview(value)}");
    }

    private byte[] Truncate(byte[] bytes, List<string> log)
    {
        var at = bytes.Length == 0 ? 0 : random.Next(bytes.Length);
        log.Add($"truncate at byte {at.ToString(CultureInfo.InvariantCulture)} of {bytes.Length.ToString(CultureInfo.InvariantCulture)}");
        return bytes[..at];
    }

    private byte[] BreakUtf8(byte[] bytes, List<string> log)
    {
        // Mostly inside a string (just after a quote), where a lenient reader would have to decode it.
        var quotes = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] == (byte)'"').ToList();
        var at = quotes.Count > 0 && random.Next(4) != 0 ? quotes[random.Next(quotes.Count)] + 1 : random.Next(bytes.Length + 1);
        var bad = InvalidUtf8[random.Next(InvalidUtf8.Length)];
        log.Add($"invalid UTF-8 {Convert.ToHexString(bad)} at byte {at.ToString(CultureInfo.InvariantCulture)}");
        return [.. bytes[..at], .. bad, .. bytes[at..]];
    }

    private static byte[] Serialize(JsonNode? root, List<(JsonObject Target, string Key, JsonNode? Value)> duplicates, bool rawUnicode)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions
        {
            SkipValidation = true,
            MaxDepth = 100_000,
            Encoder = rawUnicode ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default,
        };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            Write(writer, root, duplicates);
        }

        var text = Encoding.UTF8.GetString(stream.ToArray())
            .Replace(LoneHigh, "\\ud800", StringComparison.Ordinal)
            .Replace(LoneLow, "\\udc00", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text);
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node, List<(JsonObject Target, string Key, JsonNode? Value)> duplicates)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj)
                {
                    writer.WritePropertyName(key);
                    Write(writer, value, duplicates);
                }

                foreach (var (target, key, value) in duplicates.Where(d => ReferenceEquals(d.Target, obj)))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value, duplicates);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item, duplicates);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.ToList())
        {
            if (child is null)
            {
                continue;
            }

            yield return child;
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private static void Remove(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                obj.Remove(node.GetPropertyName());
                break;
            case JsonArray array:
                array.RemoveAt(node.GetElementIndex());
                break;
        }
    }

    private static void Replace(JsonNode node, JsonNode? replacement)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                obj[node.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = replacement;
                break;
        }
    }

    private JsonNode? RandomValue(int depth)
    {
        switch (random.Next(depth > 2 ? 6 : 8))
        {
            case 0: return JsonValue.Create(RandomText(random.Next(0, 12)));
            case 1: return JsonValue.Create(random.Next(-1000, 1000));
            case 2: return JsonNode.Parse(HugeNumbers[random.Next(HugeNumbers.Length)]);
            case 3: return JsonValue.Create(random.Next(2) == 0);
            case 4: return null;
            case 5: return JsonValue.Create(random.Next(2) == 0 ? "" : " ");
            case 6:
                var array = new JsonArray();
                for (var i = random.Next(4); i > 0; i--)
                {
                    array.Add(RandomValue(depth + 1));
                }

                return array;
            default:
                var obj = new JsonObject();
                for (var i = random.Next(4); i > 0; i--)
                {
                    obj[UnknownNames[random.Next(UnknownNames.Length)] + i.ToString(CultureInfo.InvariantCulture)] = RandomValue(depth + 1);
                }

                return obj;
        }
    }

    private string RandomText(int pieces)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pieces; i++)
        {
            text.Append(UnicodePieces[random.Next(UnicodePieces.Length)]);
        }

        return text.ToString();
    }

    private int PickDepth() => random.Next(6) switch
    {
        0 => 31,
        1 => 32,
        2 => 33,
        3 => 64,
        4 => 1000,
        _ => random.Next(2, 200),
    };

    private JsonNode Nested(int depth)
    {
        JsonNode node = JsonValue.Create("deep");
        for (var i = 0; i < depth; i++)
        {
            node = random.Next(2) == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }

        return node;
    }

    private string TextOfLength(int length)
    {
        // A one-unit character, or a character that is one UTF-16 unit but several UTF-8 bytes.
        var unit = random.Next(3) switch { 0 => 'a', 1 => 'é', _ => '漢' };
        return new string(unit, Math.Max(0, length));
    }

    private string EmailOfLength(int length)
    {
        const string domain = "@example.com";
        if (length <= domain.Length + 1)
        {
            return new string('a', Math.Max(0, length));
        }

        return new string(random.Next(2) == 0 ? 'a' : 'A', length - domain.Length) + domain;
    }

    private static JsonArray ArrayOfCount(JsonArray original, int count)
    {
        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            // Distinct copies so tag lists are not collapsed back under the limit by de-duplication.
            array.Add(original.Count > 0 && original[0] is JsonObject first
                ? first.DeepClone()
                : JsonValue.Create($"item{i.ToString(CultureInfo.InvariantCulture)}"));
        }

        return array;
    }

    private static string Preview(JsonNode? node)
    {
        var text = node is null ? "null" : Serialize(node, [], rawUnicode: true) is var bytes ? Encoding.UTF8.GetString(bytes) : "";
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
