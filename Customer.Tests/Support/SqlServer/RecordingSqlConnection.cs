using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace CustomerService.Tests.Support.SqlServer;

/// <summary>
/// A connection that reaches no server: it keeps every command EF Core sends and answers each with
/// what <paramref name="answer"/> makes of it, so the SQL Server provider runs its whole path offline.
/// </summary>
internal sealed class RecordingSqlConnection(Func<RecordedCommand, NoServerResult> answer) : DbConnection
{
    private ConnectionState _state = ConnectionState.Closed;

    public List<RecordedCommand> Commands { get; } = [];

    /// <summary>The isolation level of each transaction begun, in order.</summary>
    public List<IsolationLevel> Transactions { get; } = [];

    // The provider reads it with SqlConnectionStringBuilder (MARS), so it must be one SqlClient accepts.
    [AllowNull]
    public override string ConnectionString { get; set; } = "Server=no-server;Database=Customers";

    public override string Database => "Customers";

    public override string DataSource => "no-server";

    public override string ServerVersion => "16.00.1000";

    public override ConnectionState State => _state;

    public override void ChangeDatabase(string databaseName)
    {
    }

    public override void Open() => _state = ConnectionState.Open;

    public override void Close() => _state = ConnectionState.Closed;

    internal NoServerResult Execute(RecordingSqlCommand command)
    {
        var recorded = new RecordedCommand(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => p.ParameterName)]);
        Commands.Add(recorded);
        return answer(recorded);
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        Transactions.Add(isolationLevel);
        return new NoServerTransaction(this, isolationLevel);
    }

    protected override DbCommand CreateDbCommand() => new RecordingSqlCommand(this);

    private sealed class NoServerTransaction(DbConnection connection, IsolationLevel isolationLevel) : DbTransaction
    {
        public override IsolationLevel IsolationLevel => isolationLevel;

        protected override DbConnection DbConnection => connection;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }
}

/// <summary>One command as EF Core sent it: its text and the names of the parameters it carried.</summary>
internal sealed record RecordedCommand(string Text, IReadOnlyList<string> ParameterNames);

/// <summary>What the server would have answered: the result sets in order, and the rows the statements changed.</summary>
internal sealed record NoServerResult(IReadOnlyList<DataTable> ResultSets, int RowsAffected)
{
    public DbDataReader Reader() => new DataTableReader(ResultSets.Count > 0 ? [.. ResultSets] : [new DataTable()]);
}
