using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>The embedded default; its migrations are in Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteCustomerDbContext(DbContextOptions<SqliteCustomerDbContext> options)
    : CustomerDbContext(options)
{
    // Pooled instances keep it: a context's connection string never changes.
    private SqliteWriteGate? _writeGate;

    private SqliteWriteGate WriteGate => _writeGate ??= SqliteWriteGate.For(Database.GetConnectionString()
        ?? throw new InvalidOperationException("A SQLite context without a connection string."));

    /// <summary>Saves when it is this process's turn to write to the database file (<see cref="SqliteWriteGate"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using (await WriteGate.EnterAsync(cancellationToken))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
    }

    /// <summary>Statements that write without SaveChanges take their turn at the same gate.</summary>
    internal override async Task<T> WriteOutsideSaveAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        using (await WriteGate.EnterAsync(cancellationToken))
        {
            return await write(cancellationToken);
        }
    }

    /// <summary>
    /// A deferred transaction: its first read fixes the snapshot (WAL mode) and it never takes the
    /// write lock, where EF Core's own BeginTransaction would start an IMMEDIATE (writing) one.
    /// </summary>
    internal override async Task<IDbContextTransaction> BeginSnapshotAsync(CancellationToken cancellationToken)
    {
        var transaction = ((SqliteConnection)Database.GetDbConnection()).BeginTransaction(deferred: true);
        return await Database.UseTransactionAsync(transaction, cancellationToken)
            ?? throw new InvalidOperationException("EF Core did not take the SQLite transaction.");
    }
}
