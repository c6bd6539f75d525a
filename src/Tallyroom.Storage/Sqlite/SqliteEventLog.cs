using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;

namespace Tallyroom.Storage.Sqlite;

/// <summary>
/// The event log in one SQLite file: the embedded default, needing nothing installed. Commits are durable when
/// <see cref="AppendAsync"/> returns (WAL, <c>synchronous=FULL</c>). Several processes may share the file: each append
/// takes SQLite's write lock, checks the head and writes in one transaction, and a process that finds the lock taken
/// waits for it. Thread-safe: appends through one instance are serialised; reads and <see cref="GetHeadAsync"/> run
/// concurrently with them and with each other, each on its own connection.
/// </summary>
public sealed class SqliteEventLog : IEventLog
{
    // A read fetches this many events per query and lets go of its connection before handing them out, so a slow
    // consumer (a feed writing to a slow client) never holds a read transaction open: a long-lived WAL reader
    // would stop checkpoints from recycling the WAL, which would then grow for as long as the consumer dawdles.
    private const int ReadPageSize = 1000;

    // Idle read connections kept open beyond this are closed; more only open under a burst of concurrent readers.
    private const int MaxIdleReaders = 8;

    private const string HeadSql = "SELECT coalesce(max(revision), 0) FROM events;";

    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly SqliteConnection writer;
    private readonly SqliteCommand writerHead;
    private readonly SqliteCommand insert;
    private readonly SqliteParameter insertRevision;
    private readonly SqliteParameter insertRecordedAt;
    private readonly SqliteParameter insertType;
    private readonly SqliteParameter insertPayload;
    private readonly ConcurrentQueue<ReadConnection> idleReaders = new();
    private int disposed;

    private SqliteEventLog(string path, SqliteConnection writer)
    {
        FilePath = path;
        this.writer = writer;
        writerHead = writer.CreateCommand();
        writerHead.CommandText = HeadSql;
        insert = writer.CreateCommand();
        insert.CommandText = "INSERT INTO events (revision, recorded_at, type, payload) VALUES ($revision, $recordedAt, $type, $payload);";
        insertRevision = insert.Parameters.Add("$revision", SqliteType.Integer);
        insertRecordedAt = insert.Parameters.Add("$recordedAt", SqliteType.Text);
        insertType = insert.Parameters.Add("$type", SqliteType.Text);
        insertPayload = insert.Parameters.Add("$payload", SqliteType.Text);
    }

    /// <summary>The full path of the log's file. Thread-safe.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Opens the log in the file at <paramref name="path"/>, creating the file and its schema when missing (or empty).
    /// Thread-safe; several processes may open the same file.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The file is not a SQLite database, is another application's database, or is a Tallyroom log of a schema version
    /// this build does not know. The message names the file; the file is left untouched.
    /// </exception>
    /// <exception cref="IOException">The file cannot be opened or created, or cannot use write-ahead logging.</exception>
    public static async Task<SqliteEventLog> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var writer = await SqliteSchema.OpenWriterAsync(fullPath, cancellationToken).ConfigureAwait(false);
        var log = new SqliteEventLog(fullPath, writer);
        try
        {
            // Compiled once here and reused by every append: compiling per row would dominate a large import.
            log.writerHead.Prepare();
            log.insert.Prepare();
            return log;
        }
        catch
        {
            await log.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>Thread-safe; runs concurrently with appends and reads.</remarks>
    public async Task<long> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        var reader = await RentReaderAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (long)(await reader.Head.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        finally
        {
            Return(reader);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Thread-safe: appends through one instance are serialised, and appends from other instances or processes wait
    /// for SQLite's write lock (up to 30 seconds). <paramref name="recordedAt"/> is stored as UTC.
    /// </remarks>
    public async Task<long> AppendAsync(IReadOnlyList<ElectionEvent> events, long expectedHead, DateTimeOffset recordedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedHead);

        // Serialised before taking any lock: an event that cannot be written fails here having touched nothing, and
        // the write lock, which other processes wait on, is held for I/O only.
        var rows = new (string Type, string Payload)[events.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var e = events[i] ?? throw new ArgumentException($"Event {i.ToString(CultureInfo.InvariantCulture)} is null.", nameof(events));
            rows[i] = (EventJson.TypeName(e), EventJson.Serialize(e));
        }

        var recorded = FormatRecordedAt(recordedAt);
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);

            // BEGIN IMMEDIATE takes the write lock before the head is read, so no other writer can slip in between the
            // check and the inserts. A deferred transaction would read first and then fail to upgrade (SQLITE_BUSY,
            // without waiting) whenever another process had written in the meantime.
            var transaction = writer.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                writerHead.Transaction = transaction;
                var head = (long)(await writerHead.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                if (head != expectedHead)
                {
                    throw new EventLogConflictException(expectedHead, head);
                }

                insert.Transaction = transaction;
                insertRecordedAt.Value = recorded;
                for (var i = 0; i < rows.Length; i++)
                {
                    insertRevision.Value = expectedHead + i + 1;
                    insertType.Value = rows[i].Type;
                    insertPayload.Value = rows[i].Payload;
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                // Disposing the transaction without committing (conflict, cancellation, failure) rolls it back.
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return expectedHead + rows.Length;
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Thread-safe. Streams page by page: memory stays bounded however long the log, and no connection or read
    /// transaction is held while the caller processes events. The read ends at the head as it was when reading began
    /// (or at <paramref name="upToRevision"/>, if lower); events appended meanwhile are left for the next read.
    /// </remarks>
    /// <exception cref="InvalidDataException">A stored event cannot be read, or revisions have a gap (the file is damaged).</exception>
    public IAsyncEnumerable<StoredEvent> ReadAsync(long afterRevision, long? upToRevision = null, CancellationToken cancellationToken = default)
    {
        // Checked here, not in the iterator, so that a bad argument fails at the call rather than at the first MoveNext.
        ArgumentOutOfRangeException.ThrowIfNegative(afterRevision);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        return ReadPagesAsync(afterRevision, upToRevision ?? long.MaxValue, cancellationToken);
    }

    /// <summary>
    /// Closes the file. Waits for an append in progress to finish; later calls fail with
    /// <see cref="ObjectDisposedException"/>. Idempotent; do not dispose while reads are being enumerated.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await writerHead.DisposeAsync().ConfigureAwait(false);
            await insert.DisposeAsync().ConfigureAwait(false);
            await writer.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            // Not disposed: appends queued behind this one must still get the gate, to see the log is closed and leave.
            writeGate.Release();
        }

        CloseIdleReaders();
    }

    private static string FormatRecordedAt(DateTimeOffset recordedAt) =>
        recordedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseRecordedAt(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    private async IAsyncEnumerable<StoredEvent> ReadPagesAsync(long after, long upTo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? end = null;
        var page = new List<StoredEvent>();
        while (true)
        {
            page.Clear();
            var reader = await RentReaderAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                end ??= Math.Min(upTo, (long)(await reader.Head.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
                if (after >= end)
                {
                    yield break;
                }

                await ReadPageAsync(reader.Page, after, end.Value, page, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Return(reader);
            }

            foreach (var stored in page)
            {
                yield return stored;
            }

            after = page[^1].Revision;
            if (after >= end)
            {
                yield break;
            }
        }
    }

    private async Task ReadPageAsync(SqliteCommand command, long after, long end, List<StoredEvent> page, CancellationToken cancellationToken)
    {
        command.Parameters["$after"].Value = after;
        command.Parameters["$end"].Value = end;
        command.Parameters["$limit"].Value = ReadPageSize;
        var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (rows.ConfigureAwait(false))
        {
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var revision = rows.GetInt64(0);
                if (revision != after + page.Count + 1)
                {
                    // Appends are gapless by construction; a gap means rows were removed by hand, and every view
                    // folded from here on would be silently wrong.
                    throw new InvalidDataException($"The event log '{FilePath}' is damaged: revision {(after + page.Count + 1).ToString(CultureInfo.InvariantCulture)} is missing.");
                }

                page.Add(new StoredEvent(revision, ParseRecordedAt(rows.GetString(1)), Decode(revision, rows.GetString(2), rows.GetString(3))));
            }
        }

        if (page.Count == 0)
        {
            throw new InvalidDataException($"The event log '{FilePath}' is damaged: revision {(after + 1).ToString(CultureInfo.InvariantCulture)} is missing.");
        }
    }

    private ElectionEvent Decode(long revision, string type, string payload)
    {
        try
        {
            return EventJson.Deserialize(payload);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"Event {revision.ToString(CultureInfo.InvariantCulture)} ({type}) in the event log '{FilePath}' cannot be read: {e.Message}", e);
        }
    }

    private async Task<ReadConnection> RentReaderAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (idleReaders.TryDequeue(out var idle))
        {
            return idle;
        }

        var connection = await SqliteSchema.OpenReaderAsync(FilePath, cancellationToken).ConfigureAwait(false);
        return new ReadConnection(connection);
    }

    private void Return(ReadConnection reader)
    {
        if (Volatile.Read(ref disposed) != 0 || idleReaders.Count >= MaxIdleReaders)
        {
            reader.Dispose();
            return;
        }

        idleReaders.Enqueue(reader);

        // The log may have been disposed between the check and the enqueue; close what it could not see.
        if (Volatile.Read(ref disposed) != 0)
        {
            CloseIdleReaders();
        }
    }

    private void CloseIdleReaders()
    {
        while (idleReaders.TryDequeue(out var reader))
        {
            reader.Dispose();
        }
    }

    /// <summary>A read connection with its statements compiled once. Used by one caller at a time.</summary>
    private sealed class ReadConnection : IDisposable
    {
        private readonly SqliteConnection connection;

        public ReadConnection(SqliteConnection connection)
        {
            this.connection = connection;
            Head = connection.CreateCommand();
            Head.CommandText = HeadSql;
            Head.Prepare();
            Page = connection.CreateCommand();
            Page.CommandText = "SELECT revision, recorded_at, type, payload FROM events WHERE revision > $after AND revision <= $end ORDER BY revision LIMIT $limit;";
            Page.Parameters.Add("$after", SqliteType.Integer);
            Page.Parameters.Add("$end", SqliteType.Integer);
            Page.Parameters.Add("$limit", SqliteType.Integer);
            Page.Prepare();
        }

        public SqliteCommand Head { get; }

        public SqliteCommand Page { get; }

        public void Dispose()
        {
            Head.Dispose();
            Page.Dispose();
            connection.Dispose();
        }
    }
}
