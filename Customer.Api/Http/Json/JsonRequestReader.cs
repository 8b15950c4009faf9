using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CustomerService.Api.Http.Json;

/// <summary>
/// Turns request JSON into a request object, recording every problem in model state under the
/// field's wire name. Shared by bodies (POST) and query strings (GET on read methods).
/// </summary>
internal static class JsonRequestReader
{
    /// <returns>The request, or null when the JSON does not fit it (the problems are in <paramref name="modelState"/>).</returns>
    public static object? Read(ReadOnlySequence<byte> json, Type requestType, ModelStateDictionary modelState)
    {
        var typeInfo = ApiJson.Options.GetTypeInfo(requestType);
        var problems = JsonShapeChecker.Check(json, typeInfo);
        foreach (var problem in problems)
        {
            modelState.TryAddModelError(problem.Field, problem.Message);
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ApiJson.MaxDepth });
        try
        {
            return JsonSerializer.Deserialize(ref reader, typeInfo);
        }
        catch (JsonException ex)
        {
            // The shape check leaves little for the serializer to refuse (say, a number out of range).
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? JsonShapeChecker.BodyField : ex.Path.TrimStart('$', '.');
            modelState.TryAddModelError(field, $"{field} could not be read");
            return null;
        }
    }
}
