using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>The production database; its migrations are in Persistence/Migrations/SqlServer.</summary>
public sealed class SqlServerCustomerDbContext(DbContextOptions<SqlServerCustomerDbContext> options)
    : CustomerDbContext(options);
