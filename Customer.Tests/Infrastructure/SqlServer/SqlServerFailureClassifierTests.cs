using CustomerService.Application.Common.Persistence;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Tests.Support.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerService.Tests.Infrastructure.SqlServer;

/// <summary>
/// What the classifier makes of SQL Server's errors, built as SqlClient raises them (no server runs
/// here to provoke them; the SQLite ones are provoked for real in PersistenceFailureClassifierTests).
/// Messages are SQL Server's own wording.
/// </summary>
public sealed class SqlServerFailureClassifierTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
    private readonly PersistenceFailureClassifier _classifier = new();

    [TestCase(2601, "Cannot insert duplicate key row in object 'dbo.Customers' with unique index 'IX_Customers_NormalizedEmail'. The duplicate key value is (someone@example.com).")]
    [TestCase(2627, "Violation of UNIQUE KEY constraint 'AK_Customers_NormalizedEmail'. Cannot insert duplicate key in object 'dbo.Customers'. The duplicate key value is (someone@example.com).")]
    public void TheEmailIndexRefusingASaveIsADuplicateEmailWithTheValueAsSaved(int number, string message)
    {
        var (exception, customer) = FailedSaveOfACustomer(SqlExceptions.Create(number, message, errorClass: 14));

        // The value is the email as the caller wrote it, not the normalized one the index holds.
        Assert.That(_classifier.Classify(exception), Is.EqualTo(
            new PersistenceFailure(PersistenceFailureKind.UniqueViolation, "email", customer.Email)));
        Assert.That(customer.Email, Is.EqualTo("SomeOne@Example.com"));
    }

    [Test]
    public void ADuplicatePrimaryKeyIsADuplicateId()
    {
        var (exception, _) = FailedSaveOfACustomer(SqlExceptions.Create(
            2627,
            "Violation of PRIMARY KEY constraint 'PK_Customers'. Cannot insert duplicate key in object 'dbo.Customers'. The duplicate key value is (01J0000000000000000000000).",
            errorClass: 14));

        Assert.That(_classifier.Classify(exception), Is.EqualTo(new PersistenceFailure(PersistenceFailureKind.UniqueViolation, "id")));
    }

    [Test]
    public void AnAddressForACustomerRemovedMeanwhileIsAConcurrencyConflict()
    {
        var exception = SqlExceptions.Create(
            547,
            "The INSERT statement conflicted with the FOREIGN KEY constraint \"FK_CustomerAddresses_Customers_CustomerId\". The conflict occurred in database \"Customers\", table \"dbo.Customers\", column 'Id'.");

        Assert.That(_classifier.Classify(new DbUpdateException("save failed", exception)), Is.EqualTo(
            new PersistenceFailure(PersistenceFailureKind.ConcurrencyConflict)));
    }

    [Test]
    public void ACheckConstraintConflictIsLeftUnclassified()
    {
        // 547 is also a CHECK constraint's number; this schema has none, so one failing is a bug, not a race.
        var exception = SqlExceptions.Create(
            547,
            "The INSERT statement conflicted with the CHECK constraint \"CK_Customers_Version\". The conflict occurred in database \"Customers\", table \"dbo.Customers\", column 'Version'.");

        Assert.That(_classifier.Classify(new DbUpdateException("save failed", exception)), Is.Null);
    }

    [Test]
    public void ASnapshotUpdateConflictIsAConcurrencyConflict()
    {
        var exception = SqlExceptions.Create(
            3960,
            "Snapshot isolation transaction aborted due to update conflict. You cannot use snapshot isolation to access table 'dbo.Customers' directly or indirectly in database 'Customers' to update, delete, or insert the row that has been modified or deleted by another transaction. Retry the transaction or change the isolation level for the update/delete statement.");

        Assert.That(_classifier.Classify(new DbUpdateException("save failed", exception)), Is.EqualTo(
            new PersistenceFailure(PersistenceFailureKind.ConcurrencyConflict)));
    }

    // Timeouts, connection and login failures, Azure SQL's "try again later", a deadlock victim, a full
    // data file or log: each is a database that cannot do the work now, never a bug in the request.
    [TestCase(-2, "Execution Timeout Expired. The timeout period elapsed prior to completion of the operation or the server is not responding.")]
    [TestCase(-1, "An error has occurred while establishing a connection to the server.")]
    [TestCase(2, "A network-related or instance-specific error occurred while establishing a connection to SQL Server.")]
    [TestCase(53, "A network-related or instance-specific error occurred while establishing a connection to SQL Server. (provider: Named Pipes Provider, error: 40 - Could not open a connection to SQL Server)")]
    [TestCase(64, "A connection was successfully established with the server, but then an error occurred during the login process.")]
    [TestCase(233, "A connection was successfully established with the server, but then an error occurred during the pre-login handshake.")]
    [TestCase(4060, "Cannot open database \"Customers\" requested by the login. The login failed.")]
    [TestCase(10053, "A transport-level error has occurred when receiving results from the server.")]
    [TestCase(10054, "A transport-level error has occurred when sending the request to the server.")]
    [TestCase(10060, "A network-related or instance-specific error occurred while establishing a connection to SQL Server.")]
    [TestCase(10928, "Resource ID : 1. The request limit for the database is 200 and has been reached.")]
    [TestCase(10929, "Resource ID : 1. The min guarantee is 0, max limit is 200 and the current usage for the database is 200.")]
    [TestCase(18456, "Login failed for user 'customers'.")]
    [TestCase(40197, "The service has encountered an error processing your request. Please try again.")]
    [TestCase(40501, "The service is currently busy. Retry the request after 10 seconds.")]
    [TestCase(40613, "Database 'Customers' on server 'no-server' is not currently available. Please retry the connection later.")]
    [TestCase(49918, "Cannot process request. Not enough resources to process request.")]
    [TestCase(49919, "Cannot process create or update request. Too many create or update operations in progress.")]
    [TestCase(49920, "Cannot process request. Too many operations in progress.")]
    [TestCase(1205, "Transaction (Process ID 57) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.")]
    [TestCase(1105, "Could not allocate space for object 'dbo.Customers'.'PK_Customers' in database 'Customers' because the 'PRIMARY' filegroup is full.")]
    [TestCase(9002, "The transaction log for database 'Customers' is full due to 'LOG_BACKUP'.")]
    public void AnUnavailableDatabaseIsUnavailable(int number, string message)
    {
        var exception = SqlExceptions.Create(number, message);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_classifier.Classify(exception)?.Kind, Is.EqualTo(PersistenceFailureKind.Unavailable), "as raised");
            Assert.That(_classifier.Classify(new DbUpdateException("save failed", exception))?.Kind, Is.EqualTo(PersistenceFailureKind.Unavailable), "in a save");
        }
    }

    [Test]
    public void AFatalErrorOfAnyNumberIsUnavailable()
    {
        // Severity 20 and above ends the connection, whatever the number.
        var exception = SqlExceptions.Create(0, "A severe error occurred on the current command. The results, if any, should be discarded.", errorClass: 20);

        Assert.That(_classifier.Classify(exception)?.Kind, Is.EqualTo(PersistenceFailureKind.Unavailable));
    }

    [Test]
    public void RetriesRunOutIsUnavailable()
    {
        // What the service sees of a deadlock or transient error once the execution strategy gives up.
        var exception = new RetryLimitExceededException("retries exhausted", SqlExceptions.Create(1205, "deadlocked"));

        Assert.That(_classifier.Classify(exception)?.Kind, Is.EqualTo(PersistenceFailureKind.Unavailable));
    }

    [TestCase(208, "Invalid object name 'Customers'.", (byte)16)]
    [TestCase(3952, "Snapshot isolation transaction failed accessing database 'Customers' because snapshot isolation is not allowed in this database. Use ALTER DATABASE to allow snapshot isolation.", (byte)16)]
    [TestCase(8152, "String or binary data would be truncated.", (byte)16)]
    [TestCase(50000, "An error of severity 19 that leaves the connection open.", (byte)19)]
    public void AnErrorThatNeedsAFixIsLeftUnclassified(int number, string message, byte errorClass)
    {
        // A missing schema or a misconfigured database is a 500 to investigate, not a 503 to wait out.
        var exception = SqlExceptions.Create(number, message, errorClass);

        Assert.That(_classifier.Classify(new DbUpdateException("save failed", exception)), Is.Null);
    }

    [Test]
    public void TheHelperBuildsTheExceptionSqlClientWouldRaise()
    {
        var exception = SqlExceptions.Create(2601, "duplicate", errorClass: 14);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Number, Is.EqualTo(2601));
            Assert.That(exception.Class, Is.EqualTo(14));
            Assert.That(exception.Message, Is.EqualTo("duplicate"));
            Assert.That(exception.Errors, Has.Count.EqualTo(1));
        }
    }

    private static (DbUpdateException Exception, Customer Customer) FailedSaveOfACustomer(Exception providerException)
    {
        // EF Core names the entries of the failed batch; the classifier takes the saved value from them.
        using var db = new SqlServerCustomerDbContext(new DbContextOptionsBuilder<SqlServerCustomerDbContext>()
            .UseSqlServer("Server=unused;Database=unused").Options);
        var customer = Customer.Register(
            EmailAddress.Create("SomeOne@Example.com"), "hash", "John", "Doe", CustomerStatus.Active, [], [], Now);
        var entry = db.Add(customer);
        return (new DbUpdateException("save failed", providerException, [entry]), customer);
    }
}
