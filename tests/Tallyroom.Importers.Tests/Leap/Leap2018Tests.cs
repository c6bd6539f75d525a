using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Importers.Leap;

namespace Tallyroom.Importers.Tests.Leap;

/// <summary>The real LEAP file of 3 May 2018, checked against a plain reading of the same file and SOURCES.md.</summary>
public sealed class Leap2018Tests
{
    private const string Date = "2018-05-03";

    private static readonly Lazy<ImportBatch> Batch = new(() => LeapResults.Read(LeapSource.File2018, ElectionState.Empty, new ImportOptions()));
    private static readonly Lazy<ElectionState> State = new(() => ResultsEngine.Fold(ElectionState.Empty, Batch.Value.Events));

    // The rows that are contests of the 150 councils: not the by-election councils, not the mayoral or NULL rows.
    private static IEnumerable<SourceRow> ContestRows => LeapSource.Leap2018.Where(r =>
        !LeapSource.ByElectionOnly2018.Contains(r.Council) && r.Ward is not ("NULL" or "Elected Mayor") && r.Candidate != "NULL");

    private static IEnumerable<string> CountermandedIds => LeapSource.Countermanded2018.Select(p => BallotId(p.Council, p.Ward));

    [Fact]
    public void EveryBallotOfThe2018FileIsAcceptedByTheRules()
    {
        var state = State.Value;

        Assert.Equal("local.2018-05-03", state.Election!.Id);
        Assert.Equal("Local elections, 3 May 2018", state.Election.Name);
        // SOURCES.md: 154 councils in the file, the 150 plus four with same-day by-elections only.
        Assert.Equal(150, state.Councils.Count);
        Assert.Equal(ContestRows.Select(r => (r.Council, r.Ward)).Distinct().Count(), state.Ballots.Count);
        // Democracy Club's 2,737 ordinary contests, the 5 countermanded polls, and the two by-elections LEAP lists
        // as wards of councils that also held ordinary elections (Daventry Walgrave, Epping Forest Moreton and Fyfield).
        Assert.Equal(2_737 + 5 + 2, state.Ballots.Count);
        var byStatus = state.Ballots.Values.GroupBy(b => b.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<BallotStatus, int> { [BallotStatus.Declared] = 2_738, [BallotStatus.Uncontested] = 1, [BallotStatus.Postponed] = 5 }, byStatus);
    }

    [Fact]
    public void EachCouncilWinsTheSeatsItsElectedRowsShowOutsideTheCountermandedPolls()
    {
        var state = State.Value;
        var countermanded = LeapSource.Countermanded2018.ToHashSet();
        var expected = LeapSource.ElectedByCouncilAndParty(ContestRows.Where(r => !countermanded.Contains((r.Council, r.Ward))));
        var elected = ContestRows.Where(r => r.IsElected).GroupBy(r => r.Council).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(expected.Keys.Select(Slug.Make).Order(), state.Councils.Keys.Order());
        foreach (var (council, parties) in expected)
        {
            var view = state.Councils[Slug.Make(council)];
            Assert.Equal(parties.OrderBy(p => p.Key), view.SeatsWon.Entries.ToDictionary(e => LeapSource.CodeOf(e.Party), e => e.Seats).OrderBy(p => p.Key));
            Assert.Equal(elected[council], view.SeatsUp);
        }

        // SOURCES.md: 4,402 winners in the ordinary contests, plus Daventry Walgrave and Epping Forest Moreton and Fyfield.
        Assert.Equal(4_402 + 2, state.Councils.Values.Sum(c => c.SeatsWon.Total));
    }

    [Fact]
    public void TheFiveCountermandedPollsArePostponedWithTheirSeatsStillInTheirCouncils()
    {
        var state = State.Value;

        foreach (var (council, ward) in LeapSource.Countermanded2018)
        {
            var id = BallotId(council, ward);
            var seats = LeapSource.Leap2018.Count(r => r.Council == council && r.Ward == ward && r.IsElected);
            var ballot = state.Ballots[id];
            Assert.Equal(BallotStatus.Postponed, ballot.Status);
            Assert.Null(ballot.Declaration);
            Assert.Equal(seats, ballot.Definition.SeatsUp);
            Assert.Equal("Poll countermanded; a later poll, with its own identifier, fills the seats.", ballot.PostponedReason);

            var view = state.Councils[Slug.Make(council)];
            Assert.Contains(id, view.BallotIds);
            Assert.Equal(seats, view.SeatsPostponed);
            Assert.Equal(LeapSource.Leap2018.Count(r => r.Council == council && r.IsElected), view.TotalSeats);
            Assert.Equal(seats, view.SeatsUndeclared);
            Assert.True(view.Declared);
        }

        Assert.Equal([3, 3, 1, 1, 1], CountermandedIds.Select(id => state.Ballots[id].Definition.SeatsUp));
        Assert.Equal(9, state.Councils.Values.Sum(c => c.SeatsPostponed));
    }

    [Fact]
    public void TheByElectionOnlyCouncilsAndThePlaceholderRowsAreLeftOutWithANoteEach()
    {
        var state = State.Value;
        var notes = Batch.Value.Notes;

        foreach (var council in LeapSource.ByElectionOnly2018)
        {
            Assert.False(state.Councils.ContainsKey(Slug.Make(council)));
            Assert.Single(notes, n => n.Contains($": {council} (E", StringComparison.Ordinal) && n.Contains(" in a council with no ordinary election, and left out", StringComparison.Ordinal));
        }

        Assert.Contains("line 15071: Warwickshire (E10000031) has only 1 contest in the file (Leamington Willes; 1 seat), so it is taken as a same-day by-election in a council with no ordinary election, and left out (rule: at most 2 contests, LeapOptions.ByElectionOnlyMaxContests).", notes);
        Assert.Contains("line 4784: Hackney: 'Elected Mayor' (1 row) stands for the mayoral election, which is not a ward contest and fills no council seat; skipped.", notes);
        Assert.Equal(["Hackney", "Newham", "Tower Hamlets", "Watford"], notes.Where(n => n.Contains("'Elected Mayor'", StringComparison.Ordinal)).Select(n => n.Split(": ")[1]));
        Assert.Contains("line 15482: Weymouth and Portland: a placeholder row with no ward and no candidate (NULL); skipped.", notes);
        Assert.DoesNotContain(state.Ballots.Keys, id => id.Contains("elected-mayor", StringComparison.Ordinal));
    }

    [Fact]
    public void TheImportNotesSayWhatWasSkippedAndWhatWasDecidedByRule()
    {
        var notes = Batch.Value.Notes;

        // 4 mayoral pseudo-wards, 1 NULL placeholder, 4 by-election councils, 1 candidate id clash, 1 uncontested
        // ward, 1 tie, 5 countermanded polls.
        Assert.Equal(17, notes.Count);
        Assert.Equal(5, notes.Count(n => n.Contains("poll countermanded, so postponed", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheSuttonNonsuchTieForTheLastSeatIsMarkedDecidedByLotOnBothSides()
    {
        var ballot = State.Value.Ballots["local.sutton.nonsuch.2018-05-03"];

        var byLot = ballot.Declaration!.Results.Where(r => r.DecidedByLot).Select(r => (r.CandidateId, r.Votes, r.Elected));
        Assert.Equal([("james-mcdermott-hill-elected", (int?)1405, true), ("samantha-bourne-not-elected", 1405, false)], byLot);
        Assert.Contains("local.sutton.nonsuch.2018-05-03: tie for the last seat at 1405 votes (elected: James McDermott-Hill (Elected); not elected: Samantha Bourne (Not elected)); LEAP has no lot flag, so these candidates are marked decided by lot.", Batch.Value.Notes);
        Assert.Equal(1, State.Value.Ballots.Values.Count(b => b.Declaration?.Results.Any(r => r.DecidedByLot) == true));
    }

    [Fact]
    public void TheUncontestedWardIsDeclaredWithNoVotesInsteadOfTheZeroLeapGives()
    {
        var ballot = State.Value.Ballots["local.epping-forest.moreton-and-fyfield.2018-05-03"];

        Assert.Equal(BallotStatus.Uncontested, ballot.Status);
        var result = Assert.Single(ballot.Declaration!.Results);
        Assert.Equal("ian-hadley", result.CandidateId);
        Assert.Null(result.Votes);
        Assert.True(result.Elected);
        Assert.Equal("Conservative", ballot.SeatsWon.Entries.Single().Party.Name);
    }

    [Fact]
    public void TwoCandidatesWithTheSameNameInOneWardGetDistinctIds()
    {
        var candidates = State.Value.Ballots["local.bromley.cray-valley-west.2018-05-03"].Definition.Candidates;

        Assert.Equal(
            [("gary-stevens", "Conservative"), ("gary-stevens-2", "Labour")],
            candidates.Where(c => c.Name == "Gary Stevens").Select(c => (c.Id, c.Party.Name)));
    }

    [Fact]
    public void CouncilsAndWardsCarryTheirOnsCodes()
    {
        var state = State.Value;

        var brent = state.Councils["brent"].Definition;
        Assert.Equal(("Brent", "E09000005", CouncilType.LondonBorough), (brent.Name, brent.GssCode, brent.Type));
        Assert.Equal(CouncilType.District, state.Councils["adur"].Definition.Type);
        Assert.Equal("E05007562", state.Ballots["local.adur.buckingham.2018-05-03"].Definition.WardGssCode);
        Assert.Equal(
            LeapSource.Leap2018.Where(r => r.CouncilCode.StartsWith("E09", StringComparison.Ordinal)).Select(r => r.Council).Distinct().Count(),
            state.Councils.Values.Count(c => c.Definition.Type == CouncilType.LondonBorough));
    }

    [Fact]
    public void SettingUpOnlyDeclaresTheUncontestedWardAndPostponesTheCountermandedPolls()
    {
        var batch = LeapResults.Read(LeapSource.File2018, ElectionState.Empty, new ImportOptions { SetupOnly = true });
        var state = ResultsEngine.Fold(ElectionState.Empty, batch.Events);

        var declared = Assert.Single(batch.Events.OfType<DeclarationRecorded>());
        Assert.Equal("local.epping-forest.moreton-and-fyfield.2018-05-03", declared.Declaration.BallotId);
        Assert.Equal(CountermandedIds.Order(StringComparer.Ordinal), batch.Events.OfType<BallotPostponed>().Select(p => p.BallotId).Order(StringComparer.Ordinal));
        Assert.Equal(2_738, state.Ballots.Values.Count(b => b.Status == BallotStatus.Awaiting));
    }

    [Fact]
    public void ImportingTheWholeFileAfterASetupImportOnlyDeclaresWhatIsLeft()
    {
        var setUp = ResultsEngine.Fold(ElectionState.Empty, LeapResults.Read(LeapSource.File2018, ElectionState.Empty, new ImportOptions { SetupOnly = true }).Events);

        var batch = LeapResults.Read(LeapSource.File2018, setUp, new ImportOptions());
        var state = ResultsEngine.Fold(setUp, batch.Events);

        Assert.Equal(2_738, batch.Events.Count);
        Assert.All(batch.Events, e => Assert.IsType<DeclarationRecorded>(e));
        Assert.Contains("2744 ballots were already defined and 6 already declared or postponed in the log; they were left as they are.", batch.Notes);
        Assert.Equal(State.Value.Councils.Values.Sum(c => c.SeatsWon.Total), state.Councils.Values.Sum(c => c.SeatsWon.Total));
    }

    [Fact]
    public void EventsComeInOrderElectionCouncilsBallotsThenResultsEachWithItsSourceLine()
    {
        var batch = Batch.Value;
        var kinds = batch.Events.Select(e => e switch
        {
            ElectionDefined => 0,
            CouncilDefined => 1,
            BallotDefined => 2,
            _ => 3,
        }).ToList();

        Assert.Equal(kinds.Order(), kinds);
        Assert.Equal(1 + 150 + 2_744 + 2_744, batch.Events.Count);
        Assert.Equal(new SourceLocation(LeapSource.File2018, 1), batch.Sources[0]);
        var nonsuch = batch.Events.Select((e, i) => (e, i)).Single(x => x.e is BallotDefined b && b.Ballot.Id == "local.sutton.nonsuch.2018-05-03").i;
        Assert.Equal(new SourceLocation(LeapSource.File2018, 13553), batch.Sources[nonsuch]);
    }

    // The Democracy Club convention the importer must follow, built here from the names as the file gives them.
    private static string BallotId(string council, string ward) => $"local.{Slug.Make(council)}.{Slug.Make(ward)}.{Date}";
}
