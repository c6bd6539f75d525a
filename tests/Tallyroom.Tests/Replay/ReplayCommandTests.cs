using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Tests.Replay;

public sealed class ReplayCommandTests : IDisposable
{
    private const string Results =
        "False\nelection_id,ballot_paper_id,person_id,party_id,party_name,person_name,ballots_cast,is_winner,spoilt_ballots,turnout,source\n" +
        "local.adur.2018-05-03,local.adur.buckingham.2018-05-03,1,PP52,Conservative and Unionist Party,Ann Oak,900,True,,,\n" +
        "local.adur.2018-05-03,local.adur.buckingham.2018-05-03,2,PP53,Labour Party,Bob Ash,500,False,,,\n" +
        "local.adur.2018-05-03,local.adur.churchill.2018-05-03,3,PP52,Conservative and Unionist Party,Cat Elm,300,False,,,\n" +
        "local.adur.2018-05-03,local.adur.churchill.2018-05-03,4,PP53,Labour Party,Dan Yew,700,True,,,\n" +
        "local.bury.2018-05-03,local.bury.elton.2018-05-03,5,PP52,Conservative and Unionist Party,Eve Fir,100,False,,,\n" +
        "local.bury.2018-05-03,local.bury.elton.2018-05-03,6,PP53,Labour Party,Fay Box,800,True,,,\n" +
        "local.bury.2018-05-03,local.bury.radcliffe.2018-05-03,7,PP90,Liberal Democrats,Gus Bay,650,True,,,\n" +
        "local.bury.2018-05-03,local.bury.radcliffe.2018-05-03,8,PP53,Labour Party,Hal Rue,640,False,,,\n";

    private readonly TempDatabase source = new();
    private readonly TempDatabase target = new();
    private readonly string folder = Directory.CreateTempSubdirectory("tallyroom-replay-").FullName;

    public void Dispose()
    {
        source.Dispose();
        target.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task TheDemoGeneratesAnElectionAndReplaysItsWholeNight()
    {
        var (exit, output, _) = await CliRun.RunAsync("demo", "--councils", "6", "--seed", "11", "--speed", "0", "--urls", "http://127.0.0.1:0", "--db", target.Path, "--exit-when-done");
        var state = await ResultsEngine.StateAtAsync(await SqliteEventLog.OpenAsync(target.Path), null);

        Assert.Equal(0, exit);
        Assert.Contains("simulated election, seed 11: 6 councils", output, StringComparison.Ordinal);
        Assert.Matches(@"Open http://127\.0\.0\.1:\d+/ to watch the night", output);
        Assert.Contains("in realistic order, seed 11", output, StringComparison.Ordinal);
        Assert.Equal((6, 6), (state.Scoreboard.CouncilsDeclared, state.Scoreboard.CouncilsTotal));
        Assert.All(state.Ballots.Values, b => Assert.NotEqual(Core.Counting.BallotStatus.Awaiting, b.Status));
        Assert.Matches(@"The live blog ""Local elections — as it happened"" writes itself at http://127\.0\.0\.1:\d+/blogs/local-elections-as-it-happened", output);
        Assert.False(state.Blogs["local-elections-as-it-happened"].Closed);
    }

    [Fact]
    public async Task AReplayOfAnImportedNightEndsWhereTheNightEndedInTheOrderItNames()
    {
        var file = Path.Combine(folder, "results.csv");
        await File.WriteAllTextAsync(file, Results);
        Assert.Equal(0, (await CliRun.RunAsync("import", "dc-results", file, "--db", source.Path)).Exit);

        var (exit, output, _) = await CliRun.RunAsync("replay", source.Path, "--into", target.Path, "--order", "by-council", "--speed", "0", "--urls", "http://127.0.0.1:0", "--exit-when-done");
        var original = await ResultsEngine.StateAtAsync(await SqliteEventLog.OpenAsync(source.Path), null);
        var replayed = new List<StoredEvent>();
        await using (var log = await SqliteEventLog.OpenAsync(target.Path))
        {
            await foreach (var e in log.ReadAsync(0))
            {
                replayed.Add(e);
            }
        }

        var final = await ResultsEngine.StateAtAsync(await SqliteEventLog.OpenAsync(target.Path), null);
        Assert.Equal(0, exit);
        Assert.Contains("Replaying 4 declarations in council by council, in the order the councils are defined", output, StringComparison.Ordinal);
        Assert.Equal(
            ["local.adur.buckingham.2018-05-03", "local.adur.churchill.2018-05-03", "local.bury.elton.2018-05-03", "local.bury.radcliffe.2018-05-03"],
            replayed.Select(e => e.Event).OfType<DeclarationRecorded>().Select(d => d.Declaration.BallotId));
        Assert.Equal(original.Scoreboard with { ByParty = [] }, final.Scoreboard with { ByParty = [] });
        Assert.Equal(original.Scoreboard.ByParty.Values.OrderBy(l => l.Party.Id), final.Scoreboard.ByParty.Values.OrderBy(l => l.Party.Id));
    }

    [Fact]
    public async Task AnOrderFileNamingABallotOfNoElectionIsRefused()
    {
        var file = Path.Combine(folder, "results.csv");
        var order = Path.Combine(folder, "order.txt");
        await File.WriteAllTextAsync(file, Results);
        await File.WriteAllTextAsync(order, "local.bury.elton.2018-05-03\nlocal.bury.atlantis.2018-05-03\n");
        Assert.Equal(0, (await CliRun.RunAsync("import", "dc-results", file, "--db", source.Path)).Exit);

        var (exit, _, error) = await CliRun.RunAsync("replay", source.Path, "--into", target.Path, "--order", order, "--speed", "0", "--exit-when-done");

        Assert.Equal(2, exit);
        Assert.StartsWith("error: --order: ", error, StringComparison.Ordinal);
        Assert.Contains("atlantis", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target.Path));
    }

    [Fact]
    public async Task AReplayNeverOverwritesAnExistingLog()
    {
        await File.WriteAllTextAsync(target.Path, "precious");
        var file = Path.Combine(folder, "results.csv");
        await File.WriteAllTextAsync(file, Results);
        Assert.Equal(0, (await CliRun.RunAsync("import", "dc-results", file, "--db", source.Path)).Exit);

        var (exit, _, error) = await CliRun.RunAsync("replay", source.Path, "--into", target.Path, "--speed", "0");

        Assert.Equal(2, exit);
        Assert.Equal($"error: --into: '{target.Path}' already exists; a replay writes a new log.\n", error);
        Assert.Equal("precious", await File.ReadAllTextAsync(target.Path));
    }
}
