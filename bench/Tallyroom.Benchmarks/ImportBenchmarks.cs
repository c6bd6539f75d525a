using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Log;
using Tallyroom.Importers;
using Tallyroom.Importers.DemocracyClub;
using Tallyroom.Storage.Sqlite;
using Tallyroom.Testing;

namespace Tallyroom.Benchmarks;

/// <summary>
/// Importing the Democracy Club file into a fresh SQLite log: read and parse, check every event, append them in one
/// durable transaction. Process start-up is not included here; the CLI figure (hyperfine) is in BENCHMARKS.md.
/// </summary>
[MedianColumn]
public class ImportBenchmarks
{
    private string database = string.Empty;

    [IterationSetup]
    public void FreshDatabase() => database = Path.Combine(Path.GetTempPath(), $"tallyroom-bench-{Guid.NewGuid():N}.db");

    [IterationCleanup]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }
    }

    [Benchmark]
    public async Task<long> ImportTheDemocracyClubFile()
    {
        await using var log = await SqliteEventLog.OpenAsync(database);
        using var engine = new ResultsEngine(log, TimeProvider.System);
        var batch = DemocracyClubResults.Read(RawData.DemocracyClubResults, ElectionState.Empty, new ImportOptions { WardCodesPath = RawData.DemocracyClubWardCodes });
        return (await engine.WriteAsync(batch.Events)).Revision;
    }

    [Benchmark]
    public ImportBatch ReadTheDemocracyClubFileOnly() =>
        DemocracyClubResults.Read(RawData.DemocracyClubResults, ElectionState.Empty, new ImportOptions { WardCodesPath = RawData.DemocracyClubWardCodes });
}
