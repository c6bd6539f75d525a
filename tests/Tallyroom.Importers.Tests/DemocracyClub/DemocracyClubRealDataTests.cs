using System.Diagnostics;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.DemocracyClub;

namespace Tallyroom.Importers.Tests.DemocracyClub;

/// <summary>The real file imported once (with ward codes) and folded, shared by the real-data tests.</summary>
public sealed class RealDemocracyClubImport
{
    public RealDemocracyClubImport()
    {
        var stopwatch = Stopwatch.StartNew();
        Batch = DemocracyClubResults.Read(DemocracyClubSource.ResultsPath, ElectionState.Empty, new ImportOptions { WardCodesPath = DemocracyClubSource.WardCodesPath });
        ColdImportTime = stopwatch.Elapsed;
        State = ResultsEngine.Fold(ElectionState.Empty, Batch.Events);
    }

    public ImportBatch Batch { get; }

    public ElectionState State { get; }

    public TimeSpan ColdImportTime { get; }
}

public sealed class DemocracyClubRealDataTests(RealDemocracyClubImport import) : IClassFixture<RealDemocracyClubImport>
{
    private const string Nonsuch = "local.sutton.nonsuch.2018-05-03";

    [Fact]
    public void ImportingTheRealFileDefinesEveryOrdinaryBallot()
    {
        // SOURCES.md: 2,737 ordinary ward contests in 150 councils.
        var events = import.Batch.Events;
        var election = Assert.IsType<ElectionDefined>(events[0]);
        Assert.Equal("local.2018-05-03", election.Election.Id);
        Assert.Equal("Local elections, 3 May 2018", election.Election.Name);
        Assert.Equal(new DateOnly(2018, 5, 3), election.Election.PollingDay);
        Assert.Equal(1, events.Count(e => e is ElectionDefined));
        Assert.Equal(150, events.Count(e => e is CouncilDefined));
        Assert.Equal(2737, events.OfType<BallotDefined>().Select(b => b.Ballot.Id).Distinct().Count());
        Assert.Equal(2737, events.Count(e => e is BallotDefined));
        Assert.Equal(2737, events.Count(e => e is DeclarationRecorded));
        Assert.Equal(DemocracyClubSource.OrdinaryRows.Select(r => r.BallotId).ToHashSet(), import.State.Ballots.Keys.ToHashSet());
    }

    [Fact]
    public void EveryRealBallotIsAcceptedByTheRulesAndDeclared()
    {
        Assert.Equal(2737, import.State.Ballots.Count);
        Assert.All(import.State.Ballots.Values, b => Assert.Equal(BallotStatus.Declared, b.Status));
    }

    [Fact]
    public void SeatsWonInEachCouncilEqualTheElectedCandidatesInTheSource()
    {
        var winnersByCouncil = DemocracyClubSource.OrdinaryRows
            .Where(r => r.Winner)
            .GroupBy(r => r.ElectionId.Split('.')[1])
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(4402, winnersByCouncil.Values.Sum());
        Assert.Equal(winnersByCouncil.Keys.Order(StringComparer.Ordinal), import.State.Councils.Keys.Order(StringComparer.Ordinal));
        Assert.All(import.State.Councils.Values, c => Assert.Equal(winnersByCouncil[c.Definition.Slug], c.SeatsWon.Total));
        Assert.All(import.State.Councils.Values, c => Assert.Equal(winnersByCouncil[c.Definition.Slug], c.SeatsUp));
    }

    [Fact]
    public void LabourCoOperativeCandidatesCountAsLabour()
    {
        var coOperative = DemocracyClubSource.OrdinaryRows.Where(r => r.PartyName == "Labour and Co-operative Party").ToList();
        var labourWinners = DemocracyClubSource.OrdinaryRows.Count(r => r.Winner && (r.PartyId == "PP53" || r.PartyName == "Labour and Co-operative Party"));

        Assert.NotEmpty(coOperative);
        Assert.All(coOperative, r => Assert.Equal(PartyCatalog.Labour, import.State.Ballots[r.BallotId].Definition.FindCandidate(r.PersonId)!.Party));
        Assert.Equal(labourWinners, import.State.Councils.Values.Sum(c => c.SeatsWon.Get("PP53")));
    }

    [Fact]
    public void SuttonNonsuchIsRecordedAsDecidedByLot()
    {
        var declaration = import.State.Ballots[Nonsuch].Declaration!;
        var byLot = declaration.Results.Where(r => r.DecidedByLot).ToList();
        var tiedInSource = DemocracyClubSource.OrdinaryRows.Where(r => r.BallotId == Nonsuch && r.Votes == 1405).ToList();

        Assert.Equal(2, tiedInSource.Count);
        Assert.Equal(tiedInSource.Select(r => r.PersonId).Order(StringComparer.Ordinal), byLot.Select(r => r.CandidateId).Order(StringComparer.Ordinal));
        Assert.Equal([true, false], byLot.Select(r => r.Elected).Order().Reverse());
        Assert.Single(import.State.Ballots.Values, b => b.Declaration!.Results.Any(r => r.DecidedByLot));
        Assert.Contains(
            "Ballot local.sutton.nonsuch.2018-05-03: the last seat was tied at 1,405 votes. The file has no flag for a tie decided by lot, so the candidates at 1,405 votes on both sides of the line are recorded as decided by lot.",
            import.Batch.Notes);
    }

    [Fact]
    public void TheScoreboardHasEveryCouncilDeclared()
    {
        Assert.Equal(150, import.State.Scoreboard.CouncilsTotal);
        Assert.Equal(150, import.State.Scoreboard.CouncilsDeclared);
    }

    [Fact]
    public void SkippedRowsAreNotedOncePerKindWithTheirCounts()
    {
        // SOURCES.md: 35 mayor.* rows (6 mayoralties), 5 parl.* rows (West Tyrone) and 15 local by-elections, which are
        // the 16,050 local rows less the 15,998 candidate rows of the ordinary contests.
        Assert.Equal(15998, DemocracyClubSource.OrdinaryRows.Count);
        Assert.Contains("Skipped 35 rows (6 ballots) of mayoral elections (mayor.*): Tallyroom counts council seats, and a mayor holds none.", import.Batch.Notes);
        Assert.Contains("Skipped 5 rows (1 ballot) of parliamentary elections (parl.*): Tallyroom counts council seats only.", import.Batch.Notes);
        Assert.Contains("Skipped 52 rows (15 ballots) of local by-elections (ballot ids with a .by. part): they fill casual vacancies, not the seats of this election's ward contests.", import.Batch.Notes);
        Assert.Equal(3, import.Batch.Notes.Count(n => n.StartsWith("Skipped ", StringComparison.Ordinal)));
    }

    [Fact]
    public void TurnoutIsLeftToTheWardSheetsAndRejectedPapersComeFromSpoiltBallots()
    {
        var spoiltInSource = DemocracyClubSource.OrdinaryRows.Where(r => r.Spoilt.Length > 0).DistinctBy(r => r.BallotId).ToDictionary(r => r.BallotId, r => int.Parse(r.Spoilt, System.Globalization.CultureInfo.InvariantCulture));

        Assert.All(import.State.Ballots.Values, b => Assert.Null(b.Declaration!.BallotPapers));
        Assert.All(import.State.Ballots.Values, b => Assert.Null(b.Declaration!.Electorate));
        Assert.All(import.State.Ballots.Values, b => Assert.Equal(spoiltInSource.TryGetValue(b.Definition.Id, out var spoilt) ? spoilt : (int?)null, b.Declaration!.Rejected));
        Assert.Contains(
            $"Rejected ballot papers come from spoilt_ballots, filled for {spoiltInSource.Count} of the 2737 contested ballots declared. Ballot papers and electorate are left empty: the file's turnout column mixes percentages and counts, so they come from the ec-wards import (the Electoral Commission's ward sheets).",
            import.Batch.Notes);
    }

    [Fact]
    public void EveryBallotGetsItsWardCodeFromTheLookup()
    {
        var codes = File.ReadLines(DemocracyClubSource.WardCodesPath).Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1]);

        Assert.All(import.State.Ballots.Values, b => Assert.Equal(codes[b.Definition.Id], b.Definition.WardGssCode));
        Assert.All(import.State.Councils.Values, c => Assert.Null(c.Definition.GssCode));
        Assert.Contains($"Ward codes for all 2737 ballots come from {DemocracyClubSource.WardCodesPath}.", import.Batch.Notes);
    }

    [Fact]
    public void EachBallotIsSourcedToThePhysicalLineOfItsFirstRow()
    {
        // Counted on the raw text, where multi-line source fields push later records down, so the check is independent
        // of the CSV reader: the line a ballot's definition names must start with its election and ballot ids.
        var lines = File.ReadAllLines(DemocracyClubSource.ResultsPath);
        var checkedBallots = 0;
        for (var i = 0; i < import.Batch.Events.Count; i++)
        {
            if (import.Batch.Events[i] is BallotDefined defined)
            {
                var ballot = defined.Ballot;
                var electionId = $"local.{ballot.CouncilSlug}.2018-05-03";
                Assert.StartsWith($"{electionId},{ballot.Id},", lines[import.Batch.Sources[i].Line - 1], StringComparison.Ordinal);
                checkedBallots++;
            }
        }

        Assert.Equal(2737, checkedBallots);
        Assert.Equal(3, import.Batch.Sources[0].Line);
        Assert.Equal(DemocracyClubSource.ResultsPath, import.Batch.Sources[0].File);
    }

    [Fact]
    public void CouncilAndWardNamesAreMadeReadableFromTheSlugs()
    {
        Assert.Equal("Kingston upon Thames", import.State.Councils["kingston-upon-thames"].Definition.Name);
        Assert.Equal("Newcastle under Lyme", import.State.Councils["newcastle-under-lyme"].Definition.Name);
        Assert.Equal("Nonsuch", import.State.Ballots[Nonsuch].Definition.WardName);
        Assert.All(import.State.Councils.Values, c => Assert.Equal(Tallyroom.Core.Elections.CouncilType.Unknown, c.Definition.Type));
    }

    [Fact]
    public void ImportingTheRealFileTakesWellUnderTwoSeconds()
    {
        // The first import in the process, JIT included: what a user waits for.
        Assert.True(import.ColdImportTime < TimeSpan.FromSeconds(2), $"The import took {import.ColdImportTime.TotalMilliseconds:F0} ms.");
    }

    [Fact]
    public void ProgressIsReportedEveryThousandRecords()
    {
        var progress = new RecordingProgress();

        DemocracyClubResults.Read(DemocracyClubSource.ResultsPath, ElectionState.Empty, new ImportOptions { Progress = progress });

        // SOURCES.md: 16,090 candidate rows.
        Assert.Equal([.. Enumerable.Range(1, 16).Select(k => k * 1000), 16090], progress.Reports);
    }

    [Fact]
    public void SetupOnlyDefinesEveryBallotWithoutDeclaringAny()
    {
        var batch = DemocracyClubResults.Read(DemocracyClubSource.ResultsPath, ElectionState.Empty, new ImportOptions { SetupOnly = true });
        var state = ResultsEngine.Fold(ElectionState.Empty, batch.Events);

        // The real file has no uncontested ballot (every ballot has more candidates than winners), so nothing is declared.
        Assert.Equal(2737, state.Ballots.Count);
        Assert.Empty(batch.Events.OfType<DeclarationRecorded>());
        Assert.All(state.Ballots.Values, b => Assert.Equal(BallotStatus.Awaiting, b.Status));
        Assert.Equal(0, state.Scoreboard.CouncilsDeclared);
    }

    [Fact]
    public void ResultsImportedAfterASetupOnlyImportDeclareEveryBallot()
    {
        var setup = DemocracyClubResults.Read(DemocracyClubSource.ResultsPath, ElectionState.Empty, new ImportOptions { SetupOnly = true });
        var afterSetup = ResultsEngine.Fold(ElectionState.Empty, setup.Events);

        var results = DemocracyClubResults.Read(DemocracyClubSource.ResultsPath, afterSetup, new ImportOptions());
        var state = ResultsEngine.Fold(afterSetup, results.Events);

        Assert.Equal(2737, results.Events.Count);
        Assert.All(results.Events, e => Assert.IsType<DeclarationRecorded>(e));
        Assert.Equal(150, state.Scoreboard.CouncilsDeclared);
    }
}

/// <summary>Records progress reports synchronously (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
internal sealed class RecordingProgress : IProgress<int>
{
    public List<int> Reports { get; } = [];

    public void Report(int value) => Reports.Add(value);
}
