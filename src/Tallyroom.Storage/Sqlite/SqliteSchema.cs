using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tallyroom.Storage.Sqlite;

/// <summary>
/// Recognises, creates and configures a Tallyroom log file. A file is a Tallyroom log when its header carries
/// Tallyroom's <c>application_id</c>; its <c>meta</c> table then says which schema version it holds. Stateless.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The schema version this build reads and writes.</summary>
    public const int Version = 1;

    /// <summary>
    /// "TLRM" in the SQLite header's application id: marks the file as Tallyroom's, so that another application's
    /// database (which may well have a table called <c>meta</c>) is never mistaken for a log and modified.
    /// </summary>
    public const int ApplicationId = 0x544C524D;

    /// <summary>How long a connection waits for another (process) holding the write lock before giving up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    private static readonly string CreateSql = $"""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE events (revision INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL);
        INSERT INTO meta (key, value) VALUES ('schema_version', $version);
        PRAGMA application_id = {ApplicationId.ToString(CultureInfo.InvariantCulture)};
        """;

    /// <summary>The connection string every connection to the file uses.</summary>
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,

        // The log keeps its own connections (one writer, a few readers) and closes them all on dispose, which the
        // shared pool would not do: the file would stay open after the log is gone.
        Pooling = false,

        // Microsoft.Data.Sqlite retries busy statements itself until the command timeout; keep it in step with
        // SQLite's own busy handler so that the two give up together.
        DefaultTimeout = (int)BusyTimeout.TotalSeconds,
    }.ToString();

    /// <summary>
    /// Opens the writer connection: creates the schema in an empty (or new) file, refuses anything else that is not a
    /// Tallyroom log of this schema version, then switches the file to WAL with durable commits.
    /// </summary>
    public static async Task<SqliteConnection> OpenWriterAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString(path));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ConfigureAsync(connection, cancellationToken).ConfigureAwait(false);
            await RecogniseOrCreateAsync(connection, path, cancellationToken).ConfigureAwait(false);

            // Only now that the file is known to be ours: switching the journal mode writes to the file's header.
            var mode = (string?)await ScalarAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new IOException($"The event log '{path}' cannot use write-ahead logging (SQLite left it in journal mode '{mode}'). Put it on a local disk.");
            }

            return connection;
        }
        catch (SqliteException e) when (Refusal(e, path) is { } refusal)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw refusal;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a further connection to a file <see cref="OpenWriterAsync"/> has already accepted.</summary>
    public static async Task<SqliteConnection> OpenReaderAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString(path));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ConfigureAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Opens a connection for a table kept beside the log (API keys, users), creating the table if the file lacks it:
    /// such tables hold secrets about who may write, not facts of the night, so they are outside the schema version.
    /// </summary>
    public static async Task<SqliteConnection> OpenBesideLogAsync(string path, string createSql, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString(path));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var create = connection.CreateCommand();
            await using (create.ConfigureAwait(false))
            {
                create.CommandText = $"PRAGMA busy_timeout = {((long)BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)};" + createSql;
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs a statement and returns the first column of its first row.</summary>
    public static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // The per-connection settings. Durability: in WAL mode, synchronous=FULL syncs the WAL on every commit, so a
    // commit that has returned survives a power cut; NORMAL would only survive a process crash. fullfsync makes
    // macOS flush the drive's cache too (a no-op elsewhere). The busy timeout makes a second process wait for the
    // write lock instead of failing at once.
    private static async Task ConfigureAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var busyMilliseconds = ((long)BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = $"PRAGMA busy_timeout = {busyMilliseconds}; PRAGMA synchronous = FULL; PRAGMA fullfsync = ON;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task RecogniseOrCreateAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        // IMMEDIATE takes the write lock before looking, so two processes opening a new file at once cannot both
        // decide it is empty and both create the schema: the second waits, then finds the first one's schema.
        var transaction = connection.BeginTransaction(deferred: false);
        await using (transaction.ConfigureAwait(false))
        {
            var applicationId = Convert.ToInt64(await ScalarAsync(connection, "PRAGMA application_id;", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (applicationId == ApplicationId)
            {
                await CheckVersionAsync(connection, path, cancellationToken).ConfigureAwait(false);
                return;
            }

            var objects = (long)(await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master;", cancellationToken).ConfigureAwait(false))!;
            if (applicationId != 0 || objects != 0)
            {
                throw new InvalidDataException(
                    $"'{path}' is not a Tallyroom event log: it is a SQLite database of another application, so it was left untouched.");
            }

            var create = connection.CreateCommand();
            await using (create.ConfigureAwait(false))
            {
                create.CommandText = CreateSql;
                create.Parameters.AddWithValue("$version", Version.ToString(CultureInfo.InvariantCulture));
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CheckVersionAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        var tables = (long)(await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'events');", cancellationToken).ConfigureAwait(false))!;
        if (tables != 2)
        {
            throw new InvalidDataException($"'{path}' is marked as a Tallyroom event log but has lost its meta or events table; it is damaged.");
        }

        var version = (string?)await ScalarAsync(connection, "SELECT value FROM meta WHERE key = 'schema_version';", cancellationToken).ConfigureAwait(false);
        if (version != Version.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidDataException(version is null
                ? $"'{path}' is a Tallyroom event log without a schema version; it is damaged."
                : $"'{path}' is a Tallyroom event log of schema version {version}, which this version of Tallyroom does not know (it reads schema version {Version.ToString(CultureInfo.InvariantCulture)}).");
        }
    }

    // SQLite's own messages ("file is not a database", "unable to open database file") do not say which file.
    private static Exception? Refusal(SqliteException e, string path) => e.SqliteErrorCode switch
    {
        SqliteNotADatabase => new InvalidDataException($"'{path}' is not a Tallyroom event log: it is not a SQLite database at all.", e),
        SqliteCantOpen => new IOException($"The event log '{path}' cannot be opened or created: {e.Message}", e),
        _ => null,
    };
}
