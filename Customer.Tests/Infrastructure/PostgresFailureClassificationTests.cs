using CustomerService.Application.Common.Persistence;
using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerService.Tests.Infrastructure;

/// <summary>PostgreSQL's SQLSTATE codes and what the classifier makes of them (the real server's own exceptions are provoked in the integration suite).</summary>
public sealed class PostgresFailureClassificationTests
{
    private readonly PersistenceFailureClassifier _classifier = new();

    [TestCase("40001", PersistenceFailureKind.ConcurrencyConflict, TestName = "A serialization failure is a conflict to re-run")]
    [TestCase("40P01", PersistenceFailureKind.ConcurrencyConflict, TestName = "A deadlock is a conflict to re-run")]
    [TestCase("23503", PersistenceFailureKind.ConcurrencyConflict, TestName = "A foreign-key violation (the customer went meanwhile) is a conflict")]
    [TestCase("08006", PersistenceFailureKind.Unavailable, TestName = "A connection failure is unavailable")]
    [TestCase("08001", PersistenceFailureKind.Unavailable, TestName = "A refused connection is unavailable")]
    [TestCase("57P01", PersistenceFailureKind.Unavailable, TestName = "A backend terminated by the administrator is unavailable")]
    [TestCase("57P03", PersistenceFailureKind.Unavailable, TestName = "A server that cannot accept connections yet is unavailable")]
    [TestCase("53300", PersistenceFailureKind.Unavailable, TestName = "Too many connections is unavailable")]
    [TestCase("58030", PersistenceFailureKind.Unavailable, TestName = "An I/O error on the server is unavailable")]
    [TestCase("28P01", PersistenceFailureKind.Unavailable, TestName = "Refused credentials are unavailable, as SQL Server's login failure is")]
    [TestCase("3D000", PersistenceFailureKind.Unavailable, TestName = "A database that does not exist is unavailable")]
    [TestCase("57014", PersistenceFailureKind.Unavailable, TestName = "A statement timeout is unavailable")]
    public void ClassifiesTheSqlState(string sqlState, PersistenceFailureKind kind)
    {
        var failure = _classifier.Classify(new DbUpdateException("save failed", Postgres(sqlState)));

        Assert.That(failure?.Kind, Is.EqualTo(kind));
    }

    [Test]
    public void ClassifiesTheEmailIndexViolationAsDuplicateEmail()
    {
        var failure = _classifier.Classify(Postgres("23505", constraint: "IX_Customers_NormalizedEmail"));

        Assert.That(failure, Is.EqualTo(new PersistenceFailure(PersistenceFailureKind.UniqueViolation, "email")));
    }

    [Test]
    public void ClassifiesAnyOtherUniqueViolationAsADuplicateId()
    {
        var failure = _classifier.Classify(Postgres("23505", constraint: "PK_Customers"));

        Assert.That(failure, Is.EqualTo(new PersistenceFailure(PersistenceFailureKind.UniqueViolation, "id")));
    }

    [TestCase("42601", TestName = "A syntax error is a bug, not a failure to translate")]
    [TestCase("22001", TestName = "A value too long for its column is a bug, not a failure to translate")]
    public void LeavesTheServicesOwnFaultsAlone(string sqlState)
    {
        Assert.That(_classifier.Classify(Postgres(sqlState)), Is.Null);
    }

    [Test]
    public void ClassifiesAServerThatCannotBeReachedAsUnavailable()
    {
        var unreachable = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111));

        Assert.That(_classifier.Classify(unreachable)?.Kind, Is.EqualTo(PersistenceFailureKind.Unavailable));
    }

    private static PostgresException Postgres(string sqlState, string? constraint = null) =>
        new("server message", "ERROR", "ERROR", sqlState, constraintName: constraint);
}
