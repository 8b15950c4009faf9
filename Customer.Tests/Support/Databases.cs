namespace CustomerService.Tests.Support;

/// <summary>
/// The databases a provider-neutral fixture runs on, one fixture instance each:
/// <c>[TestFixtureSource(typeof(Databases), nameof(Databases.All))]</c>. Server cases skip themselves when not configured.
/// </summary>
public static class Databases
{
    public static IEnumerable<DatabaseKind> All => [DatabaseKind.Sqlite, DatabaseKind.SqlServer, DatabaseKind.PostgreSql];
}
