using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Customers;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Infrastructure.Persistence.SavedCopies;
using CustomerService.Infrastructure.Persistence.SaveSteps;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Support.SqlServer;

/// <summary>
/// The service's repository and unit of work on the SQL Server provider, configured as the service
/// configures them, over a <see cref="RecordingSqlConnection"/>: every statement the provider
/// generates for them is kept, and none reaches a server.
/// </summary>
internal sealed class NoServerSqlServer : IDisposable
{
    private readonly RecordingSqlConnection _connection;
    private readonly SqlServerCustomerDbContext _context;

    public NoServerSqlServer()
    {
        NoServerAnswers? answers = null;
        _connection = new RecordingSqlConnection(command => answers!.Answer(command));
        var options = new DbContextOptionsBuilder<SqlServerCustomerDbContext>()
            .UseSqlServer(_connection, sql => sql.EnableRetryOnFailure());
        options.AddCustomerSaveSteps();
        _context = new SqlServerCustomerDbContext(options.Options);
        answers = new NoServerAnswers(_context.Model);
        Repository = new CustomerRepository(_context, new SavedCustomerCopies());
    }

    public ICustomerRepository Repository { get; }

    public IUnitOfWork UnitOfWork => _context;

    public CustomerDbContext Context => _context;

    public IReadOnlyList<RecordedCommand> Commands => _connection.Commands;

    public IReadOnlyList<System.Data.IsolationLevel> Transactions => _connection.Transactions;

    public void Dispose()
    {
        _context.Dispose();
        _connection.Dispose();
    }
}
