using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>The production database; its migrations are in Persistence/Migrations/SqlServer.</summary>
public sealed class SqlServerCustomerDbContext(DbContextOptions<SqlServerCustomerDbContext> options)
    : CustomerDbContext(options)
{
    /// <summary>SNAPSHOT isolation, which the migration EnableSnapshotIsolation allows on the database.</summary>
    internal override Task<IDbContextTransaction> BeginSnapshotAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(IsolationLevel.Snapshot, cancellationToken);
}
