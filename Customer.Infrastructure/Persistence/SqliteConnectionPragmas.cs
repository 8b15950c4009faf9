using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// Sets SQLite's per-connection settings on every native connection EF Core opens. Both belong to the
/// connection, not the file, so a fresh connection would otherwise run with whatever the library was
/// compiled with. Microsoft.Data.Sqlite pools native connections and each keeps its settings, so they
/// are set once per native connection, not on every logical open (two or three per request).
/// </summary>
/// <remarks>
/// <c>busy_timeout</c> is SQLite's own lock wait, which polls in steps of a few milliseconds. The
/// connection's default command timeout (set to the same number of seconds) bounds Microsoft.Data.Sqlite's
/// outer retry, which sleeps 150 ms between attempts: alone, it starves writers under contention.
/// </remarks>
internal sealed class SqliteConnectionPragmas(SqliteSynchronousMode synchronous, int busyTimeoutSeconds) : DbConnectionInterceptor
{
    // Native connections already set up. Weak: an entry goes when the pool lets its connection go.
    private readonly ConditionalWeakTable<sqlite3, object> _prepared = [];

    private readonly string _pragmas = synchronous switch
    {
        SqliteSynchronousMode.Full => "PRAGMA synchronous=FULL;",
        SqliteSynchronousMode.Normal => "PRAGMA synchronous=NORMAL;",
        _ => throw new ArgumentOutOfRangeException(nameof(synchronous), synchronous, "Unknown synchronous mode."),
    } + FormattableString.Invariant($" PRAGMA busy_timeout={busyTimeoutSeconds * 1000};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPreparing(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            _prepared.AddOrUpdate(handle, this);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPreparing(connection, out var handle))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _prepared.AddOrUpdate(handle, this);
        }
    }

    private bool NeedsPreparing(DbConnection connection, out sqlite3 handle)
    {
        ArgumentNullException.ThrowIfNull(connection);
        handle = ((SqliteConnection)connection).Handle
            ?? throw new InvalidOperationException("An opened SQLite connection has no native handle.");
        return !_prepared.TryGetValue(handle, out _);
    }
}
