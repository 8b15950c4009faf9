using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CustomerService.Api.Http.Json;

/// <summary>The serializer settings of the wire format, shared by request reading and envelope writing.</summary>
public static class ApiJson
{
    /// <summary>Deeper JSON than this is refused; no request of this API nests more than four levels.</summary>
    public const int MaxDepth = 32;

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ApiJsonContext.Default, new DefaultJsonTypeInfoResolver()),

            // Responses are JSON documents, never embedded in HTML: names such as "José" stay readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = false,
            MaxDepth = MaxDepth,
        };
        options.MakeReadOnly();
        return options;
    }
}
