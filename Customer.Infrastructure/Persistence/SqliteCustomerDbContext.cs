using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>The embedded default; its migrations are in Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteCustomerDbContext(DbContextOptions<SqliteCustomerDbContext> options)
    : CustomerDbContext(options);
