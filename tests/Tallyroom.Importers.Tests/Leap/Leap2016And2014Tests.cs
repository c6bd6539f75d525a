using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Log;
using Tallyroom.Importers.Leap;

namespace Tallyroom.Importers.Tests.Leap;

/// <summary>The baselines: the headerless 2016 file and the 2014 file with its header and no ONS codes.</summary>
public sealed class Leap2016And2014Tests
{
    private static readonly DateOnly PollingDay2014 = new(2014, 5, 22);

    [Fact]
    public void The2016FileImportsItsOrdinaryElectionsAndLeavesOutCouncilsWithOnlyByElections()
    {
        var batch = LeapResults.Read(LeapSource.File2016, ElectionState.Empty, new ImportOptions());
        var state = ResultsEngine.Fold(ElectionState.Empty, batch.Events);
        var wardsPerCouncil = LeapSource.Leap2016.GroupBy(r => r.Council).ToDictionary(g => g.Key, g => g.Select(r => r.Ward).Distinct().Count());
        var ordinary = wardsPerCouncil.Where(p => p.Value > 2).Select(p => p.Key).ToHashSet();

        Assert.Equal("local.2016-05-05", state.Election!.Id);
        // SOURCES.md gives 151 councils. Counted from the rows: 27 have one or two contests (by-elections; Glasgow
        // and Swansea among them), and the 124 others (the English councils with ordinary elections) at least 9.
        Assert.Equal(151, wardsPerCouncil.Count);
        Assert.Equal(124, ordinary.Count);
        Assert.Equal(9, wardsPerCouncil.Where(p => ordinary.Contains(p.Key)).Min(p => p.Value));
        Assert.Equal(ordinary.Select(Slug.Make).Order(), state.Councils.Keys.Order());
        Assert.Equal(27, batch.Notes.Count(n => n.Contains(" in a council with no ordinary election, and left out", StringComparison.Ordinal)));
        AssertSeatsWonEqualElectedRows(LeapSource.Leap2016.Where(r => ordinary.Contains(r.Council)), state);
        Assert.Equal(
            ["local.epping-forest.passingford.2016-05-05", "local.halton.broadheath.2016-05-05", "local.preston.st-georges.2016-05-05"],
            state.Ballots.Values.Where(b => b.Status == BallotStatus.Uncontested).Select(b => b.Definition.Id).Order());
    }

    [Fact]
    public void The2016FileCountsTealesPaddedPartyCodesAsTheirParties()
    {
        // Barrow-in-Furness Dalton South writes " Lab ", " C " and " UKIP " with spaces inside the quotes.
        var batch = LeapResults.Read(LeapSource.File2016, ElectionState.Empty, new ImportOptions(), new LeapOptions { ByElectionOnlyMaxContests = 0 });
        var state = ResultsEngine.Fold(ElectionState.Empty, batch.Events);

        var candidates = state.Ballots["local.barrow-in-furness.dalton-south.2016-05-05"].Definition.Candidates;
        Assert.Equal([("shaun-blezard", "PP53"), ("des-english", "PP52"), ("dick-young", "PP85")], candidates.Select(c => (c.Id, c.Party.Id)));
        Assert.Equal(151, state.Councils.Count);
    }

    [Fact]
    public void The2014FileIsRefusedWithoutAPollingDay()
    {
        var e = Assert.Throws<MalformedInputException>(() => LeapResults.Read(LeapSource.File2014, ElectionState.Empty, new ImportOptions()));

        Assert.Equal(new SourceLocation(LeapSource.File2014, 1), e.Where);
        Assert.Equal("no polling day: LEAP rows do not carry the date, the file name has no valid yyyy-mm-dd, and ImportOptions.PollingDay is not set.", e.Reason);
    }

    [Fact]
    public void The2014FileImportsWithItsHeaderLayoutWhenGivenThePollingDay()
    {
        var batch = LeapResults.Read(LeapSource.File2014, ElectionState.Empty, new ImportOptions { PollingDay = PollingDay2014 });
        var state = ResultsEngine.Fold(ElectionState.Empty, batch.Events);
        var withWard = LeapSource.Leap2014.Where(r => r.Ward != "NULL").ToList();

        Assert.Equal("local.2014-05-22", state.Election!.Id);
        // SOURCES.md: 161 councils and 4,300 winners; 36 of the winners sit in Stratford-on-Avon rows whose ward is NULL.
        Assert.Equal(161, state.Councils.Count);
        Assert.Equal(4_300, LeapSource.Leap2014.Count(r => r.IsElected));
        Assert.Equal(36, LeapSource.Leap2014.Count(r => r.Ward == "NULL" && r.IsElected));
        Assert.Equal(4_300 - 36, state.Councils.Values.Sum(c => c.SeatsWon.Total));
        AssertSeatsWonEqualElectedRows(withWard, state);
        Assert.Equal(withWard.Select(r => (r.Council, r.Ward)).Distinct().Count(), state.Ballots.Count);
        Assert.All(state.Councils.Values, c => Assert.Equal((null, CouncilType.Unknown), (c.Definition.GssCode, c.Definition.Type)));
        Assert.All(state.Ballots.Values, b => Assert.Null(b.Definition.WardGssCode));
        Assert.Contains("line 13861: Stratford-on-Avon: 151 candidate rows have no ward (NULL), 36 flagged elected; they cannot be placed in a ward contest, so they are skipped.", batch.Notes);
        Assert.Equal(7, state.Ballots.Values.Count(b => b.Status == BallotStatus.Uncontested));
        Assert.Equal(8, batch.Notes.Count);
    }

    private static void AssertSeatsWonEqualElectedRows(IEnumerable<SourceRow> rows, ElectionState state)
    {
        var expected = LeapSource.ElectedByCouncilAndParty(rows);
        Assert.Equal(expected.Count, state.Councils.Count);
        foreach (var (council, parties) in expected)
        {
            var won = state.Councils[Slug.Make(council)].SeatsWon.Entries.ToDictionary(e => LeapSource.CodeOf(e.Party), e => e.Seats);
            Assert.True(parties.OrderBy(p => p.Key).SequenceEqual(won.OrderBy(p => p.Key)), council);
        }
    }
}
