using System.Text.Json.Nodes;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>
/// A change through A, one through B, then another through A: <paramref name="Stored"/> asserts what
/// the database must hold once the third change has been answered with 200.
/// </summary>
public sealed record ChangeAgainCase(string Name, CallStep OnA, CallStep OnB, CallStep AgainOnA, Action<JsonObject> Stored)
{
    public override string ToString() => Name;
}
