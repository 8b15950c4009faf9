using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// Sets SQLite's per-connection settings each time EF Core opens a connection. <c>synchronous</c>
/// belongs to the connection, not the file, so a pooled or fresh connection would otherwise run with
/// whatever the library was compiled with. One PRAGMA, no I/O: it costs microseconds.
/// </summary>
internal sealed class SqliteConnectionPragmas(SqliteSynchronousMode synchronous) : DbConnectionInterceptor
{
    private readonly string _pragmas = synchronous switch
    {
        SqliteSynchronousMode.Full => "PRAGMA synchronous=FULL;",
        SqliteSynchronousMode.Normal => "PRAGMA synchronous=NORMAL;",
        _ => throw new ArgumentOutOfRangeException(nameof(synchronous), synchronous, "Unknown synchronous mode."),
    };

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
