using Microsoft.Data.Sqlite;
using Tallyroom.Core.Log;
using Tallyroom.Storage.Sqlite;
using Xunit.Abstractions;

namespace Tallyroom.Storage.Tests.Sqlite;

/// <summary>The storage contract over a fresh SQLite file per test, plus what is particular to the file.</summary>
public sealed class SqliteEventLogTests(ITestOutputHelper output) : EventLogContract(output)
{
    private readonly TemporaryDirectory directory = new();

    private string LogPath => directory.File("tallyroom.db");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        directory.Delete();
    }

    [Fact]
    public async Task OpeningCreatesTheFileInWalModeWithTheSchemaAndVersion()
    {
        await using var log = await SqliteEventLog.OpenAsync(LogPath);

        Assert.Equal(LogPath, log.FilePath);
        await using var raw = await OpenRawAsync(LogPath);
        Assert.Equal("wal", await ScalarAsync(raw, "PRAGMA journal_mode;"));
        Assert.Equal(0x544C524DL, await ScalarAsync(raw, "PRAGMA application_id;"));
        Assert.Equal("1", await ScalarAsync(raw, "SELECT value FROM meta WHERE key = 'schema_version';"));
        Assert.Equal("revision INTEGER,recorded_at TEXT,type TEXT,payload TEXT", await ScalarAsync(raw, "SELECT group_concat(name || ' ' || type, ',') FROM pragma_table_info('events');"));
    }

    [Fact]
    public async Task EventsAreStoredWithTheirTypeTheirJsonAndTheUtcTimeRecorded()
    {
        await using (var log = await SqliteEventLog.OpenAsync(LogPath))
        {
            await log.AppendAsync([ElectionNight.Election], 0, ElectionNight.Night);
        }

        await using var raw = await OpenRawAsync(LogPath);
        Assert.Equal(
            """1|2018-05-04T02:45:12.3456780+00:00|election-defined|{"type":"election-defined","election":{"id":"local.2018-05-03","name":"Local elections, 3 May 2018","pollingDay":"2018-05-03"}}""",
            await ScalarAsync(raw, "SELECT revision || '|' || recorded_at || '|' || type || '|' || payload FROM events;"));
    }

    [Fact]
    public async Task AnEmptyExistingFileBecomesALog()
    {
        await File.WriteAllBytesAsync(LogPath, []);

        await using var log = await SqliteEventLog.OpenAsync(LogPath);

        Assert.Equal(1, await log.AppendAsync([ElectionNight.Election], 0, ElectionNight.Night));
    }

    [Fact]
    public async Task TwoProcessesOpeningANewFileAtOnceShareOneLog()
    {
        var logs = await Task.WhenAll(
            Task.Run(() => SqliteEventLog.OpenAsync(LogPath)),
            Task.Run(() => SqliteEventLog.OpenAsync(LogPath)));
        await using var first = logs[0];
        await using var second = logs[1];

        await first.AppendAsync(ElectionNight.Setup, 0, ElectionNight.Night);

        EventAssert.Stored(ElectionNight.Setup, await second.ReadAllAsync());
    }

    [Fact]
    public async Task AnUnknownSchemaVersionIsRefusedWithAMessageNamingTheFile()
    {
        await (await SqliteEventLog.OpenAsync(LogPath)).DisposeAsync();
        await using (var raw = await OpenRawAsync(LogPath))
        {
            await ScalarAsync(raw, "UPDATE meta SET value = '2' WHERE key = 'schema_version';");
        }

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteEventLog.OpenAsync(LogPath));

        Assert.Equal($"'{LogPath}' is a Tallyroom event log of schema version 2, which this version of Tallyroom does not know (it reads schema version 1).", e.Message);
    }

    [Fact]
    public async Task AFileThatIsNotADatabaseIsRefusedWithAMessageNamingTheFileAndLeftUntouched()
    {
        var path = directory.File("results.csv");
        const string Text = "ballot_paper_id,person_id,ballots_cast,elected\nlocal.stockport.heald-green.2018-05-03,40401,1820,t\n";
        await File.WriteAllTextAsync(path, Text);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteEventLog.OpenAsync(path));

        Assert.Equal($"'{path}' is not a Tallyroom event log: it is not a SQLite database at all.", e.Message);
        Assert.Equal(Text, await File.ReadAllTextAsync(path));
        Assert.Equal(["results.csv"], Directory.GetFiles(directory.FullPath).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AnotherApplicationsDatabaseIsRefusedWithAMessageNamingTheFileAndLeftUntouched()
    {
        await using (var raw = await OpenRawAsync(LogPath))
        {
            await ScalarAsync(raw, "CREATE TABLE contacts (name TEXT);");
        }

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteEventLog.OpenAsync(LogPath));

        Assert.Equal($"'{LogPath}' is not a Tallyroom event log: it is a SQLite database of another application, so it was left untouched.", e.Message);
        await using var after = await OpenRawAsync(LogPath);
        Assert.Equal("delete", await ScalarAsync(after, "PRAGMA journal_mode;"));
        Assert.Equal("contacts", await ScalarAsync(after, "SELECT group_concat(name) FROM sqlite_master;"));
    }

    [Fact]
    public async Task AFileInAMissingDirectoryIsRefusedWithAMessageNamingIt()
    {
        var path = directory.File(Path.Combine("no-such-directory", "tallyroom.db"));

        var e = await Assert.ThrowsAsync<IOException>(() => SqliteEventLog.OpenAsync(path));

        Assert.StartsWith($"The event log '{path}' cannot be opened or created: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoredEventOfAnUnknownTypeIsReportedWithItsRevisionAndTheFile()
    {
        await using var log = await SqliteEventLog.OpenAsync(LogPath);
        await log.AppendAsync([ElectionNight.Election], 0, ElectionNight.Night);
        await using (var raw = await OpenRawAsync(LogPath))
        {
            await ScalarAsync(raw, """INSERT INTO events VALUES (2, '2018-05-04T02:45:12.0000000+00:00', 'ballot-countermanded', '{"type":"ballot-countermanded","ballotId":"x"}');""");
        }

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => log.ReadAllAsync());

        Assert.StartsWith($"Event 2 (ballot-countermanded) in the event log '{LogPath}' cannot be read: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGapInTheRevisionsIsReportedAsDamage()
    {
        await using var log = await SqliteEventLog.OpenAsync(LogPath);
        await log.AppendAsync(ElectionNight.Setup, 0, ElectionNight.Night);
        await using (var raw = await OpenRawAsync(LogPath))
        {
            await ScalarAsync(raw, "DELETE FROM events WHERE revision = 5;");
        }

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => log.ReadAllAsync());

        Assert.Equal($"The event log '{LogPath}' is damaged: revision 5 is missing.", e.Message);
    }

    [Fact]
    public async Task AClosedLogRefusesAppendsAndReads()
    {
        var log = await SqliteEventLog.OpenAsync(LogPath);
        await log.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => log.AppendAsync([ElectionNight.Election], 0, ElectionNight.Night));
        Assert.Throws<ObjectDisposedException>(() => log.ReadAsync(0));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => log.GetHeadAsync());
    }

    protected override async Task<IEventLog> CreateLogAsync() => await SqliteEventLog.OpenAsync(LogPath);

    private static async Task<SqliteConnection> OpenRawAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
