namespace CustomerService.Tests.Support;

/// <summary>Which database an integration fixture runs against.</summary>
public enum DatabaseKind
{
    /// <summary>A fresh SQLite file per fixture; always available.</summary>
    Sqlite,

    /// <summary>A fresh database on the server named by <c>CUSTOMER_TEST_SQLSERVER</c>; skipped when it is not set.</summary>
    SqlServer,

    /// <summary>A fresh database on the server named by <c>CUSTOMER_TEST_POSTGRES</c>; skipped when it is not set.</summary>
    PostgreSql,
}
