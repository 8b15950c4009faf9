using System.Data.Common;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>Reads SQLite's, SQL Server's and PostgreSQL's exceptions for the failures callers are told about or that are retried.</summary>
internal sealed class PersistenceFailureClassifier : IPersistenceFailureClassifier
{
    // https://www.sqlite.org/rescode.html
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintForeignKey = 787;

    // The statement conflicted with a constraint; for this schema, the address-to-customer foreign key.
    private const int SqlServerConstraintConflict = 547;

    // Cannot insert duplicate key row (unique index) / violation of a unique or primary key constraint.
    private static readonly HashSet<int> SqlServerUniqueViolations = [2601, 2627];

    // A SNAPSHOT transaction wrote a row another transaction changed since it began.
    private const int SqlServerSnapshotUpdateConflict = 3960;

    // Timeouts, network and login failures, the Azure SQL "try again later" family; as for SQLite's
    // busy and full: a deadlock victim (1205) once retries ran out, a full data file (1105) or log (9002).
    private static readonly HashSet<int> SqlServerUnavailable =
        [-2, -1, 2, 53, 64, 233, 1105, 1205, 4060, 9002, 10053, 10054, 10060, 10928, 10929, 18456, 40197, 40501, 40613, 49918, 49919, 49920];

    // https://www.postgresql.org/docs/current/errcodes-appendix.html
    private const string PostgresUniqueViolation = "23505";
    private const string PostgresForeignKeyViolation = "23503";
    private const string PostgresSerializationFailure = "40001";
    private const string PostgresDeadlock = "40P01";

    // Connection exceptions (08), refused credentials (28) and a missing database (3D000), as SQL
    // Server's login failures are; insufficient resources (53), a statement timeout (57014), operator
    // intervention such as a shutdown or a terminated backend (57P0x), and a server that cannot write (58).
    private static readonly string[] PostgresUnavailableClasses = ["08", "28", "3D000", "53", "57014", "57P", "58"];

    public PersistenceFailure? Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            DbUpdateConcurrencyException => new PersistenceFailure(PersistenceFailureKind.ConcurrencyConflict),
            RetryLimitExceededException => new PersistenceFailure(PersistenceFailureKind.Unavailable),
            _ => ClassifyProviderException(exception),
        };
    }

    private static PersistenceFailure? ClassifyProviderException(Exception exception)
    {
        var dbException = Innermost<DbException>(exception);
        return dbException switch
        {
            SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
                when sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey
                => UniqueViolation(exception, sqlite.Message),

            // An address saved for a customer that was removed meanwhile: the aggregate is gone, as in a conflict.
            SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintForeignKey }
                => new PersistenceFailure(PersistenceFailureKind.ConcurrencyConflict),
            SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCantOpen }
                => new PersistenceFailure(PersistenceFailureKind.Unavailable),
            SqlException sql when SqlServerUniqueViolations.Contains(sql.Number) => UniqueViolation(exception, sql.Message),
            SqlException { Number: SqlServerConstraintConflict } sql when sql.Message.Contains("FOREIGN KEY", StringComparison.Ordinal)
                => new PersistenceFailure(PersistenceFailureKind.ConcurrencyConflict),
            SqlException { Number: SqlServerSnapshotUpdateConflict } => new PersistenceFailure(PersistenceFailureKind.ConcurrencyConflict),
            SqlException sql when SqlServerUnavailable.Contains(sql.Number) || sql.Class >= 20
                => new PersistenceFailure(PersistenceFailureKind.Unavailable),
            PostgresException { SqlState: PostgresUniqueViolation } postgres => UniqueViolation(exception, postgres.ConstraintName ?? postgres.MessageText),
            PostgresException { SqlState: PostgresForeignKeyViolation or PostgresSerializationFailure or PostgresDeadlock }
                => new PersistenceFailure(PersistenceFailureKind.ConcurrencyConflict),
            PostgresException postgres when PostgresUnavailableClasses.Any(prefix => postgres.SqlState.StartsWith(prefix, StringComparison.Ordinal))
                => new PersistenceFailure(PersistenceFailureKind.Unavailable),

            // No answer from the server at all: refused, reset, timed out.
            NpgsqlException { IsTransient: true } => new PersistenceFailure(PersistenceFailureKind.Unavailable),
            _ when Innermost<TimeoutException>(exception) is not null => new PersistenceFailure(PersistenceFailureKind.Unavailable),
            _ => null,
        };
    }

    private static PersistenceFailure UniqueViolation(Exception exception, string providerMessage)
    {
        // Two requests issuing a customer's first reset token at once: the loser re-runs and replaces the winner's.
        if (exception is DbUpdateException update && update.Entries.Any(e => e.Entity is PasswordResetToken))
        {
            return new PersistenceFailure(PersistenceFailureKind.ConcurrencyConflict);
        }

        // The index is named after the column in every provider's message; the value is the one being saved.
        if (providerMessage.Contains(CustomerConfiguration.NormalizedEmailColumn, StringComparison.Ordinal))
        {
            var email = (exception as DbUpdateException)?.Entries.Select(e => e.Entity).OfType<Customer>().FirstOrDefault()?.Email;
            return new PersistenceFailure(PersistenceFailureKind.UniqueViolation, CustomerErrors.EmailIndex, email);
        }

        return new PersistenceFailure(PersistenceFailureKind.UniqueViolation, "id");
    }

    private static T? Innermost<T>(Exception exception)
        where T : Exception
    {
        T? found = null;
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                found = match;
            }
        }

        return found;
    }
}
