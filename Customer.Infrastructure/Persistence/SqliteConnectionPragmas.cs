using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// Sets SQLite's per-connection settings each time EF Core opens a connection. Both belong to the
/// connection, not the file, so a pooled or fresh connection would otherwise run with whatever the
/// library was compiled with. Two PRAGMAs, no I/O: they cost microseconds.
/// </summary>
/// <remarks>
/// <c>busy_timeout</c> is SQLite's own lock wait, which polls in steps of a few milliseconds. The
/// connection's default command timeout (set to the same number of seconds) bounds Microsoft.Data.Sqlite's
/// outer retry, which sleeps 150 ms between attempts: alone, it starves writers under contention.
/// </remarks>
internal sealed class SqliteConnectionPragmas(SqliteSynchronousMode synchronous, int busyTimeoutSeconds) : DbConnectionInterceptor
{
    private readonly string _pragmas = synchronous switch
    {
        SqliteSynchronousMode.Full => "PRAGMA synchronous=FULL;",
        SqliteSynchronousMode.Normal => "PRAGMA synchronous=NORMAL;",
        _ => throw new ArgumentOutOfRangeException(nameof(synchronous), synchronous, "Unknown synchronous mode."),
    } + FormattableString.Invariant($" PRAGMA busy_timeout={busyTimeoutSeconds * 1000};");

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
