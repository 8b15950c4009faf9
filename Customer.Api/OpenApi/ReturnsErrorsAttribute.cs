namespace CustomerService.Api.OpenApi;

/// <summary>
/// The error codes a method's use case can answer with. Codes of the HTTP layer (token, scope, body
/// size and type, database, bugs) are added to every operation by <see cref="ErrorResponsesOperationTransformer"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ReturnsErrorsAttribute(params string[] codes) : Attribute
{
    public IReadOnlyList<string> Codes { get; } = codes;
}
