using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Tallyroom.Testing;

namespace Tallyroom.Tests.Import;

/// <summary>
/// Kills a real <c>tallyroom import</c> process at points spread across its run and checks that the log holds either
/// the whole import or none of it, and stays usable.
/// </summary>
public sealed class CrashDuringImportTests
{
    [Fact]
    public async Task AnImportKilledAtAnyPointLeavesAllOfItOrNoneOfIt()
    {
        using var complete = new TempDatabase();
        var timer = Stopwatch.StartNew();
        using (var full = StartImport(complete.Path))
        {
            await full.WaitForExitAsync();
            Assert.Equal(0, full.ExitCode);
        }

        var fullRun = timer.Elapsed;
        var fullHead = Head(complete.Path);
        Assert.True(fullHead > 5000, $"the complete import wrote {fullHead} events");

        var outcomes = new List<long>();
        foreach (var fraction in new[] { 0.15, 0.3, 0.45, 0.6, 0.7, 0.8, 0.9, 0.97 })
        {
            using var db = new TempDatabase();
            using (var process = StartImport(db.Path))
            {
                await Task.Delay(fullRun * fraction);
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            var head = File.Exists(db.Path) ? Head(db.Path) : 0;
            Assert.True(head == 0 || head == fullHead, $"killed at {fraction:P0} of a full run, the log holds {head} of {fullHead} events");
            outcomes.Add(head);

            if (fraction == 0.97)
            {
                // A log left by a killed import takes the import again, ending with exactly one complete copy.
                using var again = StartImport(db.Path);
                await again.WaitForExitAsync();
                Assert.Equal(0, again.ExitCode);
                Assert.Equal(fullHead, Head(db.Path));
            }
        }

        Assert.Contains(0L, outcomes);
    }

    private static Process StartImport(string database)
    {
        var cli = typeof(Tallyroom.Hosting.Cli).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "import", "dc-results", RawData.DemocracyClubResults, "--ward-codes", RawData.DemocracyClubWardCodes, "--db", database })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static long Head(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", integrity.ExecuteScalar());
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'events'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT coalesce(max(revision), 0) FROM events";
        return (long)command.ExecuteScalar()!;
    }
}
