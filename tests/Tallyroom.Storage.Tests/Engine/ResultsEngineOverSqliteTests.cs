using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Storage.Tests.Engine;

/// <summary>The results engine writing to and catching up from a real SQLite file, one fresh file per test.</summary>
public sealed class ResultsEngineOverSqliteTests : IAsyncLifetime
{
    private readonly TemporaryDirectory directory = new();
    private readonly List<SqliteEventLog> logs = [];
    private readonly FixedClock clock = new(ElectionNight.Night);

    private string LogPath => directory.File("tallyroom.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var log in logs)
        {
            await log.DisposeAsync();
        }

        directory.Delete();
    }

    [Fact]
    public async Task ANewEngineOnTheSameFileCatchesUpToTheSameState()
    {
        ElectionState written;
        await using (var log = await SqliteEventLog.OpenAsync(LogPath))
        using (var engine = new ResultsEngine(log, clock))
        {
            await engine.WriteAsync(ElectionNight.Setup);
            foreach (var declaration in ElectionNight.All[9..])
            {
                await engine.WriteAsync([declaration]);
            }

            written = engine.Current;
        }

        using var restarted = new ResultsEngine(await OpenAsync(), clock);
        var caughtUp = await restarted.CatchUpAsync();

        Assert.Equal(15, written.Revision);
        Assert.Equal(15, caughtUp.Revision);
        Assert.Equal(written.Scoreboard.Ranked().ToArray(), caughtUp.Scoreboard.Ranked().ToArray());
        AssertFinalState(caughtUp);
    }

    [Fact]
    public async Task StateAtARevisionGivesTheScoreboardAsItThenStood()
    {
        var log = await OpenAsync();
        using var engine = new ResultsEngine(log, clock);
        await engine.WriteAsync(ElectionNight.All);

        var beforeAnyCouncil = await ResultsEngine.StateAtAsync(log, 11);
        var afterKensington = await ResultsEngine.StateAtAsync(log, 12);
        var afterStockport = await ResultsEngine.StateAtAsync(log, 13);
        var now = await ResultsEngine.StateAtAsync(log, null);

        Assert.Equal(11, beforeAnyCouncil.Revision);
        AssertScoreboard(beforeAnyCouncil.Scoreboard, declared: 0, noOverallControl: 0);
        Assert.Equal(12, afterKensington.Revision);
        AssertScoreboard(afterKensington.Scoreboard, declared: 1, noOverallControl: 0,
            new ScoreboardLine(PartyCatalog.Conservative, 1, 0, 3, 0),
            new ScoreboardLine(PartyCatalog.Labour, 0, 0, 2, 0));
        Assert.Equal(BallotStatus.Awaiting, afterKensington.Ballots[ElectionNight.CheadleAndGatley].Status);
        Assert.Equal(13, afterStockport.Revision);
        Assert.Equal(0, afterStockport.Ballots[ElectionNight.Abingdon].Corrections);
        Assert.Equal(512, afterStockport.Ballots[ElectionNight.Abingdon].Declaration!.Results[3].Votes);
        AssertFinalState(now);
    }

    [Fact]
    public async Task AWriteRefusedByARuleLeavesTheLogHeadUnchanged()
    {
        var log = await OpenAsync();
        using var engine = new ResultsEngine(log, clock);
        await engine.WriteAsync(ElectionNight.Setup);
        var tooManyElected = ElectionNight.AbingdonDeclared.Declaration with
        {
            Results = ElectionNight.AbingdonDeclared.Declaration.Results.SetItem(3, ElectionNight.AbingdonDeclared.Declaration.Results[3] with { Elected = true }),
        };

        var e = await Assert.ThrowsAsync<RuleViolationException>(() => engine.WriteAsync([new Core.Events.DeclarationRecorded(tooManyElected)]));

        var violation = Assert.Single(e.Violations);
        Assert.Equal("winners-count", violation.Rule);
        Assert.Equal("results", violation.Field);
        Assert.Equal(0, e.EventIndex);
        Assert.Equal(9, await log.GetHeadAsync());
        Assert.Equal(9, engine.Current.Revision);
        Assert.Equal(BallotStatus.Awaiting, engine.Current.Ballots[ElectionNight.Abingdon].Status);
    }

    [Fact]
    public async Task ASecondEnginesWriteIsCheckedAgainstTheFirstEnginesEvents()
    {
        using var first = new ResultsEngine(await OpenAsync(), clock);
        using var second = new ResultsEngine(await OpenAsync(), clock);
        await first.WriteAsync(ElectionNight.Setup);
        await second.CatchUpAsync();
        await first.WriteAsync([ElectionNight.AbingdonDeclared]);

        // The second engine has not seen the first's declaration: its own one conflicts in the log, it catches up, and
        // re-checked, the same declaration is now a correction without a reason.
        var e = await Assert.ThrowsAsync<RuleViolationException>(() => second.WriteAsync([ElectionNight.AbingdonCorrected with
        {
            Declaration = ElectionNight.AbingdonCorrected.Declaration with { Reason = null },
        }]));

        var violation = Assert.Single(e.Violations);
        Assert.Equal("correction-reason", violation.Rule);
        Assert.Equal("reason", violation.Field);
        Assert.Equal(10, await second.Log.GetHeadAsync());
        Assert.Equal(10, second.Current.Revision);
        Assert.Equal(512, second.Current.Ballots[ElectionNight.Abingdon].Declaration!.Results[3].Votes);
    }

    [Fact]
    public async Task ASecondEnginesValidWriteLandsAfterTheFirstEnginesEvents()
    {
        using var first = new ResultsEngine(await OpenAsync(), clock);
        using var second = new ResultsEngine(await OpenAsync(), clock);
        await first.WriteAsync(ElectionNight.Setup);
        await second.CatchUpAsync();
        await first.WriteAsync([ElectionNight.AbingdonDeclared]);

        var state = await second.WriteAsync([ElectionNight.BramhallNorthDeclaredUnopposed]);
        await first.CatchUpAsync();

        Assert.Equal(11, state.Revision);
        Assert.Equal(BallotStatus.Declared, state.Ballots[ElectionNight.Abingdon].Status);
        Assert.Equal(10, state.Ballots[ElectionNight.Abingdon].DeclaredAtRevision);
        Assert.Equal(BallotStatus.Uncontested, state.Ballots[ElectionNight.BramhallNorth].Status);
        Assert.Equal(11, state.Ballots[ElectionNight.BramhallNorth].DeclaredAtRevision);
        Assert.Equal(11, first.Current.Revision);
        Assert.Equal(BallotStatus.Uncontested, first.Current.Ballots[ElectionNight.BramhallNorth].Status);
        var stored = await first.Log.ReadAllAsync(9);
        EventAssert.Stored([ElectionNight.AbingdonDeclared, ElectionNight.BramhallNorthDeclaredUnopposed], stored, 10);
    }

    private static void AssertFinalState(ElectionState state)
    {
        AssertScoreboard(state.Scoreboard, declared: 2, noOverallControl: 1,
            new ScoreboardLine(PartyCatalog.Conservative, 1, 0, 4, 0),
            new ScoreboardLine(PartyCatalog.Labour, 0, 0, 2, 0),
            new ScoreboardLine(PartyCatalog.LiberalDemocrats, 0, 0, 2, 0));
        Assert.Equal("Conservative", state.Councils["kensington-and-chelsea"].Control.Label);
        Assert.Equal("No overall control", state.Councils["stockport"].Control.Label);
        Assert.Equal(BallotStatus.Postponed, state.Ballots[ElectionNight.HealdGreen].Status);
        Assert.Equal("Death of a candidate", state.Ballots[ElectionNight.HealdGreen].PostponedReason);
        Assert.Equal(BallotStatus.Uncontested, state.Ballots[ElectionNight.BramhallNorth].Status);
        Assert.Equal(1, state.Ballots[ElectionNight.Abingdon].Corrections);
        Assert.Equal(433, state.Ballots[ElectionNight.Abingdon].Declaration!.Results[3].Votes);
        Assert.Equal(10, state.Ballots[ElectionNight.Abingdon].DeclaredAtRevision);
        Assert.Equal(15, state.Ballots[ElectionNight.Abingdon].LastChangedRevision);
        Assert.Equal(3, state.Ballots[ElectionNight.CheadleAndGatley].Statistics!.PublishedSeats);
        Assert.Equal(2, state.Councils["kensington-and-chelsea"].SeatsWon.Get(PartyCatalog.Labour.Id));
    }

    private static void AssertScoreboard(Scoreboard scoreboard, int declared, int noOverallControl, params ScoreboardLine[] lines)
    {
        Assert.Equal(2, scoreboard.CouncilsTotal);
        Assert.Equal(declared, scoreboard.CouncilsDeclared);
        Assert.Equal(noOverallControl, scoreboard.NoOverallControl);
        Assert.Equal(lines, scoreboard.Ranked().ToArray());
    }

    private async Task<SqliteEventLog> OpenAsync()
    {
        var log = await SqliteEventLog.OpenAsync(LogPath);
        logs.Add(log);
        return log;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
