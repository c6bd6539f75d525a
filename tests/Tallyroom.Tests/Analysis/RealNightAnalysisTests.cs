using System.Text.Json;
using Tallyroom.Testing;

namespace Tallyroom.Tests.Analysis;

/// <summary>Analysis on the real 2018 night with the baselines manifests/local-2018-05-03.json builds.</summary>
public sealed class RealNightAnalysisTests(RealNightAnalysisTests.ImportedManifest night) : IClassFixture<RealNightAnalysisTests.ImportedManifest>
{
    [Fact]
    public async Task WestminsterNeededASwingOfTenPointsToLabourOnTop2014SharesAgainstTheNinePercentQuoted()
    {
        var (exit, output, _) = await CliRun.RunAsync("targets", "westminster", "--party", "Labour", "--json", "--db", night.Database.Path);
        var json = JsonDocument.Parse(output).RootElement;
        var targets = json.GetProperty("targets").EnumerateArray().ToList();

        Assert.Equal(0, exit);
        // 60 seats, all up, M = 31. On the GLA's official 2014 votes Labour held 16 (Maida Vale's third seat on a tie at
        // 1,063), so it needed 15 gains from the Conservatives. The 15th cheapest, Regent's Park's second seat, falls at a
        // uniform swing of 9.97 points (top-vote shares, each seat's holder losing what Labour gains). DOMAIN.md quotes
        // "a swing of 9% was required to result in Labour controlling" Westminster: the same order, about a point less;
        // the quote does not say its share method, and Labour's 12th to 14th targets (West End 9.00, Little Venice and
        // St James's 9.47) sit near 9%.
        Assert.Equal((31, 0, 16, 15), (json.GetProperty("majority").GetInt32(), json.GetProperty("continuing").GetInt32(), json.GetProperty("seatsHeld").GetInt32(), json.GetProperty("gainsNeeded").GetInt32()));
        Assert.Equal(("needsSwing", 9.97), (json.GetProperty("status").GetString(), json.GetProperty("swingNeeded").GetDouble()));
        Assert.Equal(("local.westminster.regents-park.2018-05-03", 2), (targets[14].GetProperty("ballotId").GetString(), targets[14].GetProperty("seat").GetInt32()));
        Assert.Equal(("local.westminster.maida-vale.2018-05-03", 2, 2.93), (targets[0].GetProperty("ballotId").GetString(), targets[0].GetProperty("seat").GetInt32(), targets[0].GetProperty("swing").GetDouble()));
        Assert.Equal(44, targets.Count);
        Assert.All(targets, t => Assert.Equal("Conservative", t.GetProperty("holder").GetString()));
        Assert.Equal((0, "Conservative", 9.47), (json.GetProperty("notComparable").GetInt32(), json.GetProperty("controllingParty").GetString(), json.GetProperty("swingToLoseControl").GetDouble()));
    }

    [Fact]
    public async Task OnceTheNightIsOverTheNationalProjectionIsTheScoreboard()
    {
        var state = await Hosting.ElectionDatabase.ReadStateAsync(night.Database.Path, null, CancellationToken.None);

        var projection = Core.Analysis.NationalAnalysis.Project(state);

        // 150 councils, every ward declared but the five postponed polls, which are not projected.
        Assert.Equal((150, 150, 0), (projection.Councils, projection.CouncilsDeclared, projection.SeatsProjected));
        Assert.Equal(state.Scoreboard.NoOverallControl, projection.NoOverallControl);
        Assert.Equal(
            state.Scoreboard.ByParty.Values.Where(l => l.Councils > 0).Select(l => (l.Party.Id, l.Councils, l.Seats)).Order(),
            projection.Parties.Where(l => l.Councils > 0).Select(l => (l.Party.Id, l.Councils, l.Seats)).Order());
    }

    [Fact]
    public async Task HalfWayThroughEachCouncilInARandomOrderEveryCouncilIsProjectedAndAtTheEndExactly()
    {
        var events = new List<Core.Events.ElectionEvent>();
        await using (var log = await Storage.Sqlite.SqliteEventLog.OpenAsync(night.Database.Path))
        {
            await foreach (var stored in log.ReadAsync(0))
            {
                events.Add(stored.Event);
            }
        }

        var (setup, declarations) = global::Tallyroom.Replay.NightSplit.Of(events);
        var result = global::Tallyroom.Analysis.ProjectionBacktest.Run(setup, declarations, orders: 1, seed: 2018, percents: [50, 100]);

        Assert.Equal([150, 150], result.Stages.Select(s => s.Projections));
        Assert.Equal((0, 150), (result.Stages[0].Complete, result.Stages[1].Complete));
        Assert.Equal((0.0, 1.0), (result.Stages[1].ModelSeatError, result.Stages[1].ModelControlRight));
        Assert.InRange(result.Stages[0].ModelSeatError, 0.01, 100);
    }

    /// <summary>The real night and its baselines, imported once for the class from the manifest.</summary>
    public sealed class ImportedManifest : IAsyncLifetime
    {
        public TempDatabase Database { get; } = new();

        public async Task InitializeAsync()
        {
            var (exit, _, error) = await CliRun.RunAsync("import", "manifest", Path.Combine(RawData.RepositoryRoot, "manifests", "local-2018-05-03.json"), "--root", RawData.Path(), "--db", Database.Path);
            Assert.True(exit == 0, error);
        }

        public Task DisposeAsync()
        {
            Database.Dispose();
            return Task.CompletedTask;
        }
    }
}
