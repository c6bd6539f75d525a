using Tallyroom.Analysis;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Simulation;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Tests.Analysis;

public sealed class BacktestCommandTests : IDisposable
{
    private static readonly GeneratedElection Election = ElectionGenerator.Generate(new GeneratorOptions { Seed = 7, Councils = 6 });

    // The generator gives every council a region; most tests want the report without the regional comparison.
    private static readonly IReadOnlyList<ElectionEvent> WithoutRegions = BacktestCommand.WithoutRegions(Election.Setup);

    private readonly TempDatabase database = new();
    private readonly string folder = Directory.CreateTempSubdirectory("tallyroom-backtest-").FullName;

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void OnceEveryCouncilHasDeclaredTheProjectionIsExactAndControlAlwaysRight()
    {
        var result = ProjectionBacktest.Run(Election.Setup, Election.Declarations, orders: 3, seed: 1, percents: [100]);

        var stage = Assert.Single(result.Stages);
        Assert.Equal(3 * 6, stage.Projections);
        Assert.Equal(stage.Projections, stage.Complete);
        Assert.Equal((0.0, 0.0, 1.0, 1.0), (stage.ModelSeatError, stage.NaiveSeatError, stage.ModelControlRight, stage.NaiveControlRight));
    }

    [Fact]
    public void EachCouncilIsMeasuredOncePerOrderAtEachStageAndTheSameSeedsGiveTheSameFigures()
    {
        var first = ProjectionBacktest.Run(Election.Setup, Election.Declarations, orders: 2, seed: 5, percents: [25, 50, 75]);
        var again = ProjectionBacktest.Run(Election.Setup, Election.Declarations, orders: 2, seed: 5, percents: [25, 50, 75]);

        Assert.Equal([12, 12, 12], first.Stages.Select(s => s.Projections));
        Assert.Equal(first.Stages.ToArray(), again.Stages.ToArray());
        Assert.All(first.Stages, s => Assert.InRange(s.ModelControlRight, 0.0, 1.0));

        // With a quarter of the seats in, the generated night's swing makes whoever held the seats a worse guess somewhere.
        Assert.True(first.Stages[0].NaiveSeatError > 0, "The naive baseline should miss some seats at 25%.");
    }

    [Fact]
    public void TheNaiveBaselineGivesEachSeatToItsDefenderAndARedrawnSeatToTheLargestPartyOnTheEveOfPoll()
    {
        var state = ResultsEngine.Fold(ElectionState.Empty,
        [
            new ElectionDefined(new ElectionInfo { Id = "local.2018-05-03", Name = "Local elections", PollingDay = new DateOnly(2018, 5, 3) }),
            new CouncilDefined(new CouncilDefinition { Slug = "hart", Name = "Hart" }),
            new BallotDefined(Ward("a", 2)),
            new BallotDefined(Ward("b", 1)),
            new BallotBaselineRecorded(new BallotBaseline { BallotId = "local.hart.a.2018-05-03", Kind = BaselineKind.Actual, Defended = [new(PartyCatalog.Labour, 1), new(PartyCatalog.Conservative, 1)], Source = "test" }),
            new BallotBaselineRecorded(new BallotBaseline { BallotId = "local.hart.b.2018-05-03", Kind = BaselineKind.NotComparable, Source = "test" }),
            new CouncilBaselineRecorded(new CouncilBaseline
            {
                CouncilSlug = "hart",
                StatutorySize = 5,
                EveOfPoll = [new(PartyCatalog.LiberalDemocrats, 3), new(PartyCatalog.Conservative, 2)],
                Continuing = [new(PartyCatalog.LiberalDemocrats, 2)],
                Source = "test",
            }),
        ]);

        var naive = ProjectionBacktest.Naive(state, state.Councils["hart"]);

        Assert.Equal([("PP52", 1), ("PP53", 1), ("PP90", 3)], naive.Entries.Select(e => (e.Party.Id, e.Seats)));
    }

    [Fact]
    public async Task TheCommandWritesAReportWithTheMethodTheCommandAndATableRowPerStage()
    {
        await WriteElectionAsync();
        var report = Path.Combine(folder, "PROJECTION.md");

        var (exit, output, error) = await CliRun.RunAsync("backtest", "--db", database.Path, "--orders", "2", "--seed", "3", "--out", report);
        var markdown = await File.ReadAllTextAsync(report);

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.StartsWith("Wrote ", output, StringComparison.Ordinal);
        Assert.Contains("tallyroom backtest --db " + Path.GetFileName(database.Path) + " --orders 2 --seed 3 --out PROJECTION.md", markdown, StringComparison.Ordinal);
        Assert.Contains("in 2 random orders (seeds 3 to 4)", markdown, StringComparison.Ordinal);
        Assert.Equal(["| 25% | 12 |", "| 50% | 12 |", "| 75% | 12 |"], markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.EndsWith('|') && l[2] is >= '0' and <= '9').Select(l => string.Join('|', l.Split('|')[..3]) + "|"));
        Assert.Contains("**The naive baseline**", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithRegionsTheReportComparesTheSameOrdersReplayedWithoutThem()
    {
        var index = 0;
        IReadOnlyList<ElectionEvent> setup = [.. Election.Setup.Select(e => e is CouncilDefined c ? new CouncilDefined(c.Council with { Region = index++ % 2 == 0 ? "North" : "South" }) : e)];
        await WriteElectionAsync(setup);
        var report = Path.Combine(folder, "PROJECTION.md");

        var (exit, _, error) = await CliRun.RunAsync("backtest", "--db", database.Path, "--orders", "2", "--seed", "3", "--out", report);
        var markdown = await File.ReadAllTextAsync(report);
        var regional = markdown[markdown.IndexOf("## The regional step", StringComparison.Ordinal)..];

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("6 of the 6 councils have a region. The same 2 orders replayed with every council's region removed", regional, StringComparison.Ordinal);
        Assert.Equal(["| 25% |", "| 50% |", "| 75% |"], regional.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l[2] is >= '0' and <= '9').Select(l => string.Join('|', l.Split('|')[..2]) + "|"));
        Assert.Equal(setup.Count, BacktestCommand.WithoutRegions(setup).Count);
        Assert.All(BacktestCommand.WithoutRegions(setup).OfType<CouncilDefined>(), c => Assert.Null(c.Council.Region));
        Assert.DoesNotContain("## The regional step", await NoRegionsReportAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommandAskingForNoOrdersIsRefusedNamingTheOption()
    {
        await WriteElectionAsync();

        var (exit, _, error) = await CliRun.RunAsync("backtest", "--db", database.Path, "--orders", "0");

        Assert.NotEqual(0, exit);
        Assert.Contains("--orders: replay at least 1 order.", error, StringComparison.Ordinal);
    }

    private static BallotDefinition Ward(string ward, int seats) => new()
    {
        Id = $"local.hart.{ward}.2018-05-03",
        CouncilSlug = "hart",
        WardName = ward,
        SeatsUp = seats,
        Candidates = [new("1", "Ann", PartyCatalog.Conservative), new("2", "Bob", PartyCatalog.Labour), new("3", "Cat", PartyCatalog.LiberalDemocrats)],
    };

    private async Task<string> NoRegionsReportAsync()
    {
        using var other = new TempDatabase();
        await WriteElectionAsync(WithoutRegions, other.Path);
        var (_, output, _) = await CliRun.RunAsync("backtest", "--db", other.Path, "--orders", "1", "--seed", "3");
        return output;
    }

    private Task WriteElectionAsync() => WriteElectionAsync(WithoutRegions);

    private async Task WriteElectionAsync(IReadOnlyList<ElectionEvent> setup, string? path = null)
    {
        await using var log = await SqliteEventLog.OpenAsync(path ?? database.Path);
        using var engine = new ResultsEngine(log, TimeProvider.System);
        await engine.WriteAsync(setup);
        await engine.WriteAsync([.. Election.Declarations]);
    }
}
