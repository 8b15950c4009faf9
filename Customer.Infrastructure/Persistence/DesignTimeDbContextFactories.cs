using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerService.Infrastructure.Persistence;

// Used only by `dotnet ef` to build the model for migrations; neither connects to a database.
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteCustomerDbContext>
{
    public SqliteCustomerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCustomerDbContext>()
            .UseSqlite(DatabaseOptions.DefaultSqliteConnectionString)
            .Options);
}

internal sealed class SqlServerDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqlServerCustomerDbContext>
{
    public SqlServerCustomerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCustomerDbContext>()
            .UseSqlServer("Server=localhost;Database=Customers;Integrated Security=true;TrustServerCertificate=true")
            .Options);
}

internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlCustomerDbContext>
{
    public PostgreSqlCustomerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCustomerDbContext>()
            .UseNpgsql("Host=localhost;Database=customers")
            .Options);
}
