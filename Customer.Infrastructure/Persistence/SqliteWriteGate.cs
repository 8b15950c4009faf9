using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// Lets the writes of this process into one SQLite database go one at a time. SQLite admits a single
/// writer per file anyway; the others wait in its busy handler, which blocks their threads in sleeps of
/// growing length (1, 2, 5, 10 ms and more) and so leaves the lock idle between writers while the thread
/// pool, short of threads, starts new ones. Waiting here holds no thread, and the next writer goes in the
/// moment the previous one is done. Writers in other processes still meet SQLite's own wait.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "A gate lives as long as the process; its semaphore never hands out a wait handle, so it holds nothing to release.")]
internal sealed class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly TimeSpan _timeout;

    private SqliteWriteGate(TimeSpan timeout) => _timeout = timeout;

    /// <summary>The gate of the database a connection string names: one per file, whatever the spelling of its path.</summary>
    public static SqliteWriteGate For(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var inMemory = builder.Mode == SqliteOpenMode.Memory
            || builder.DataSource.Length == 0
            || builder.DataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase)
            || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        var database = inMemory ? builder.DataSource : Path.GetFullPath(builder.DataSource);
        var timeout = TimeSpan.FromSeconds(Math.Max(1, builder.DefaultTimeout));
        return Gates.GetOrAdd(database, _ => new SqliteWriteGate(timeout));
    }

    /// <summary>
    /// Waits for the turn to write, at most as long as SQLite would wait for its lock (the busy timeout):
    /// beyond that the database counts as unavailable, as it would for SQLite.
    /// </summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _turn.WaitAsync(_timeout, cancellationToken))
        {
            throw new TimeoutException($"No turn to write to the database within {_timeout.TotalSeconds:0} s.");
        }

        return new Turn(_turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private SemaphoreSlim? _turn = turn;

        public void Dispose() => Interlocked.Exchange(ref _turn, null)?.Release();
    }
}
