using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CustomerService.Api.Http.Json;

/// <summary>
/// Binds a read method's arguments from the query string, as the original framework merged them
/// into the payload: each parameter becomes the JSON field of the same name (a repeated one, an
/// array; an integer field, a number) and the result is read exactly like a body.
/// </summary>
public sealed class QueryStringModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var typeInfo = ApiJson.Options.GetTypeInfo(bindingContext.ModelType);
        var json = new JsonObject();
        foreach (var (name, values) in bindingContext.HttpContext.Request.Query)
        {
            var property = typeInfo.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            json[name] = values.Count == 1
                ? ToJson(values[0] ?? string.Empty, property)
                : new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(json, ApiJson.Options.GetTypeInfo(typeof(JsonObject)));
        var model = JsonRequestReader.Read(new ReadOnlySequence<byte>(bytes), bindingContext.ModelType, bindingContext.ModelState);
        bindingContext.Result = model is null ? ModelBindingResult.Failed() : ModelBindingResult.Success(model);
        return Task.CompletedTask;
    }

    // Query values are text; a field that wants an integer gets one when the text is one, and
    // otherwise the text, which the shape check then reports as not an integer.
    private static JsonValue ToJson(string value, JsonPropertyInfo? property)
    {
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return (type == typeof(int) || type == typeof(long)) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(value);
    }
}
