using CustomerService.Infrastructure;
using CustomerService.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Infrastructure;

/// <summary><c>Database:Provider</c>: three providers, named in any case, and a refusal that lists them.</summary>
public sealed class DatabaseProviderSettingTests
{
    [TestCase("PostgreSql", "Host=localhost;Database=unused", typeof(PostgreSqlCustomerDbContext))]
    [TestCase("postgresql", "Host=localhost;Database=unused", typeof(PostgreSqlCustomerDbContext))]
    [TestCase("POSTGRESQL", "Host=localhost;Database=unused", typeof(PostgreSqlCustomerDbContext))]
    [TestCase("sqlserver", "Server=localhost;Database=unused", typeof(SqlServerCustomerDbContext))]
    [TestCase("SQLITE", "Data Source=unused.db", typeof(SqliteCustomerDbContext))]
    public void ChoosesTheProvidersContext(string provider, string connectionString, Type context)
    {
        using var services = Build(provider, connectionString);
        using var scope = services.CreateScope();

        Assert.That(scope.ServiceProvider.GetRequiredService<CustomerDbContext>(), Is.InstanceOf(context));
    }

    [Test]
    public void RefusesAnUnknownProviderListingTheThree()
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => Build("Oracle", "x").Dispose());

        Assert.That(refusal!.Message, Is.EqualTo("Database:Provider is 'Oracle': it must be Sqlite, SqlServer or PostgreSql."));
    }

    [TestCase("PostgreSql")]
    [TestCase("SqlServer")]
    public void AServerDatabaseNeedsAConnectionString(string provider)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => Build(provider, null).Dispose());

        Assert.That(refusal!.Message, Is.EqualTo($"ConnectionStrings:Customers is required when Database:Provider is {provider}."));
    }

    [TestCase("PostgreSql", "false", false)]
    [TestCase("PostgreSql", null, true)]
    public void MigratesOnStartUpUnlessToldNotTo(string provider, string? setting, bool expected)
    {
        using var services = Build(provider, "Host=localhost;Database=unused", setting);

        Assert.That(services.GetRequiredService<DatabaseOptions>().MigrateOnStartup, Is.EqualTo(expected));
    }

    private static ServiceProvider Build(string provider, string? connectionString, string? migrateOnStartup = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Customers"] = connectionString,
            ["Database:MigrateOnStartup"] = migrateOnStartup,
        }).Build();
        return new ServiceCollection().AddLogging().AddInfrastructure(configuration).BuildServiceProvider();
    }
}
