namespace CustomerService.Tests.Support;

/// <summary>
/// A fixture run once per database (see <see cref="Databases"/>): the SQL Server and PostgreSQL
/// instances are skipped, with the reason, when no server is configured.
/// </summary>
public abstract class DatabaseFixture(DatabaseKind database)
{
    public const string SqlServerSkipReason = "CUSTOMER_TEST_SQLSERVER is not set: SQL Server integration cases skipped";
    public const string PostgreSqlSkipReason = "CUSTOMER_TEST_POSTGRES is not set: PostgreSQL integration cases skipped";

    protected DatabaseKind Database { get; } = database;

    public static void SkipUnlessAvailable(DatabaseKind database)
    {
        if (database == DatabaseKind.SqlServer && CustomerApiFactory.SqlServerConnectionString is null)
        {
            Assert.Ignore(SqlServerSkipReason);
        }

        if (database == DatabaseKind.PostgreSql && CustomerApiFactory.PostgreSqlConnectionString is null)
        {
            Assert.Ignore(PostgreSqlSkipReason);
        }
    }

    [OneTimeSetUp]
    public void SkipUnlessDatabaseIsAvailable() => SkipUnlessAvailable(Database);

    /// <summary>A service of its own on a fresh database of this fixture's kind.</summary>
    protected CustomerApiFactory NewFactory(IReadOnlyDictionary<string, string>? extraSettings = null) => new(Database, extraSettings);
}
