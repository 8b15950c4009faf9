using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>The embedded default; its migrations are in Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteCustomerDbContext(DbContextOptions<SqliteCustomerDbContext> options)
    : CustomerDbContext(options)
{
    // Pooled instances keep it: a context's connection string never changes.
    private SqliteWriteGate? _writeGate;

    protected override async ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken)
    {
        if (_writeGate is null && Database.GetConnectionString() is { } connectionString)
        {
            _writeGate = SqliteWriteGate.For(connectionString);
        }

        return _writeGate is null ? null : await _writeGate.EnterAsync(cancellationToken);
    }
}
