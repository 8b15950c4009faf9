using System.Data;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>The second server database; its migrations are in Persistence/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlCustomerDbContext(DbContextOptions<PostgreSqlCustomerDbContext> options)
    : CustomerDbContext(options)
{
    /// <summary>REPEATABLE READ is a snapshot in PostgreSQL: every statement of the transaction sees its first one's state.</summary>
    internal override Task<IDbContextTransaction> BeginSnapshotAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Tags are a text[] here; a GIN index serves the tags filter's overlap (&&) test.
        modelBuilder.Entity<Customer>().HasIndex(c => c.Tags).HasMethod("gin");
    }
}
