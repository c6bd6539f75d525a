using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.DemocracyClub;
using Tallyroom.Importers.EveOfPoll;
using Tallyroom.Testing;

namespace Tallyroom.Importers.Tests.EveOfPoll;

/// <summary>
/// The 2018 election from the real Democracy Club file (no previous results, so no defended seats) with the eve-of-poll
/// baselines of the real Open Council Data files on top, imported and folded once for the tests below.
/// </summary>
public sealed class RealEveOfPollImport
{
    public RealEveOfPollImport()
    {
        var dc = DemocracyClubResults.Read(RawData.DemocracyClubResults, ElectionState.Empty, new ImportOptions { WardCodesPath = RawData.DemocracyClubWardCodes });
        Election = ResultsEngine.Fold(ElectionState.Empty, dc.Events);
        Batch = OpenCouncilDataBaselines.Read(OpenCouncilDataSource.Roster2017, Election, new ImportOptions());
        State = ResultsEngine.Fold(Election, Batch.Events);
    }

    /// <summary>The election as Democracy Club defines and declares it.</summary>
    public ElectionState Election { get; }

    public ImportBatch Batch { get; }

    /// <summary>The election with the baselines folded in: every event passed the rules.</summary>
    public ElectionState State { get; }
}

public sealed class EveOfPollRealDataTests(RealEveOfPollImport import) : IClassFixture<RealEveOfPollImport>
{
    // Councils whose Open Council Data total changes between the 2017 and 2018 snapshots: resized by a boundary review,
    // so every seat is up on new wards in 2018 (the Democracy Club file has exactly the new total up in each).
    private static readonly string[] Resized =
        ["bexley", "birmingham", "blackburn-with-darwen", "eastleigh", "harrogate", "kingston-upon-hull", "newcastle-under-lyme", "south-cambridgeshire"];

    // All-out London boroughs with a countermanded three-seat poll, which the Democracy Club file leaves out (SOURCES.md).
    private static readonly string[] AllOutWithAPollMissing = ["brent", "southwark"];

    private static readonly Dictionary<string, string> OcdName = new(StringComparer.Ordinal) { ["city-of-lincoln"] = "Lincoln" };

    [Fact]
    public void EveryCouncilOfTheElectionGetsOneBaselineThatTheRulesAccept()
    {
        var recorded = import.Batch.Events.Cast<CouncilBaselineRecorded>().Select(e => e.Baseline.CouncilSlug).ToList();

        Assert.Equal(150, recorded.Count);
        Assert.Equal(import.Election.Councils.Keys.Order(StringComparer.Ordinal), recorded);
        Assert.All(import.State.Councils.Values, c => Assert.NotNull(c.Baseline));
        Assert.All(import.Batch.Sources, s => Assert.Equal(OpenCouncilDataSource.History, s.File));
    }

    [Fact]
    public void TraffordsEveOfPollIsOpenCouncilDatas2017Composition()
    {
        // SOURCES.md: Trafford 2017 is Con 34 / Lab 25 / LD 3 / other 1; the one other is an independent in the roster.
        var trafford = import.State.Councils["trafford"];
        var baseline = trafford.Baseline!;

        Assert.Equal(1, OpenCouncilDataSource.CouncillorsByParty["Trafford"]["IND"]);
        Assert.Equal((63, 32), (trafford.TotalSeats, trafford.Majority));
        Assert.Equal(
            [new PartyCount(PartyCatalog.Independent, 1), new PartyCount(PartyCatalog.Conservative, 34), new PartyCount(PartyCatalog.Labour, 25), new PartyCount(PartyCatalog.LiberalDemocrats, 3)],
            baseline.EveOfPoll.AsEnumerable());
        Assert.Equal(PartyCatalog.Conservative, baseline.ControlBefore);
        Assert.Equal(new SourceLocation(OpenCouncilDataSource.History, OpenCouncilDataSource.Snapshot("Trafford", 2017).Line), import.Batch.Sources[import.Batch.Events.ToList().FindIndex(e => e is CouncilBaselineRecorded { Baseline.CouncilSlug: "trafford" })]);
    }

    [Fact]
    public void EachEveOfPollIsTheRostersCountByRegisterId()
    {
        foreach (var (slug, council) in import.State.Councils.Where(c => !Resized.Contains(c.Key)))
        {
            var expected = OpenCouncilDataSource.CouncillorsByParty[RosterName(slug)].OrderBy(p => p.Key, StringComparer.Ordinal);
            Assert.Equal(expected.Select(p => (p.Key, p.Value)), council.Baseline!.EveOfPoll.Select(e => (e.Party.Id, e.Seats)));
        }
    }

    [Fact]
    public void SizeIsThe2017TotalExceptForTheEightResizedCouncilsWhichTakeThe2018Total()
    {
        var seatsUp = DemocracyClubCounts.OrdinaryLocalRows.Where(r => r.Winner).GroupBy(r => r.Council).ToDictionary(g => g.Key, g => g.Count());
        var resized = import.State.Councils.Keys
            .Where(s => OpenCouncilDataSource.Snapshot(RosterName(s), 2017).Total != OpenCouncilDataSource.Snapshot(RosterName(s), 2018).Total)
            .Order(StringComparer.Ordinal);

        Assert.Equal(Resized, resized);
        foreach (var (slug, council) in import.State.Councils)
        {
            var year = Resized.Contains(slug) ? 2018 : 2017;
            Assert.Equal((slug, OpenCouncilDataSource.Snapshot(RosterName(slug), year).Total), (slug, council.TotalSeats));
        }

        Assert.All(Resized, s => Assert.Equal(seatsUp[s], import.State.Councils[s].TotalSeats));
        Assert.Equal((101, 51), (import.State.Councils["birmingham"].TotalSeats, import.State.Councils["birmingham"].Majority));
        Assert.All(Resized, s => Assert.Equal(OpenCouncilDataSource.Snapshot(RosterName(s), 2017).Total, import.State.Councils[s].Baseline!.EveOfPollSize));
    }

    [Fact]
    public void ControlBeforeIsThePartyWithAMajorityOfThe2017SeatsInTheRoster()
    {
        foreach (var (slug, council) in import.State.Councils)
        {
            var name = RosterName(slug);
            var expected = OpenCouncilDataSource.MajorityParty(name, OpenCouncilDataSource.Snapshot(name, 2017).Total);
            Assert.Equal((slug, expected), (slug, council.Baseline!.ControlBefore?.Id));
        }

        Assert.Equal(124, import.State.Councils.Values.Count(c => c.Baseline!.ControlBefore is not null));
        Assert.Equal("Conservative", import.State.Councils["westminster"].ControlBefore!.Label);
        Assert.Equal("Labour", import.State.Councils["birmingham"].ControlBefore!.Label);
        Assert.Equal(CouncilControl.NoOverall, import.State.Councils["havering"].ControlBefore);
    }

    [Fact]
    public void AllOutCouncilsHaveNoContinuingSeatsAndTheOthersFillEverySeatNotUp()
    {
        var seatsUp = DemocracyClubCounts.OrdinaryLocalRows.Where(r => r.Winner).GroupBy(r => r.Council).ToDictionary(g => g.Key, g => g.Count());
        var allOut = seatsUp.Where(p => p.Value == OpenCouncilDataSource.Snapshot(RosterName(p.Key), 2017).Total).Select(p => p.Key).ToHashSet();

        Assert.Equal(35, allOut.Count);
        foreach (var (slug, council) in import.State.Councils)
        {
            var expectNone = allOut.Contains(slug) || Resized.Contains(slug) || AllOutWithAPollMissing.Contains(slug);
            // No council has a vacancy in the 2017 snapshot, so the continuing seats are exactly the seats not up.
            Assert.Equal((slug, expectNone ? 0 : council.TotalSeats - seatsUp[slug]), (slug, council.Continuing.Total));
        }

        Assert.Equal(105, import.State.Councils.Values.Count(c => c.Continuing.Total > 0));
        Assert.Contains("brent: 60 of 63 seats up in the log's ballots, more than an election by thirds or halves elects, so it is taken as all-out with 3 seats in polls not in the log (import postponed polls before this); no continuing seats, and those count as undeclared.", import.Batch.Notes);
    }

    [Fact]
    public void WithoutDefendedSeatsTheContinuingSeatsAreTheEveOfPollScaledDownAndTheSourceSaysSo()
    {
        // Trafford's 41 seats not up shared out in proportion to 34/25/3/1 of 63: quotas 22.1, 16.3, 1.95, 0.65.
        Assert.Equal(
            "Open Council Data 2017: 63 seats, Con 34, Lab 25, LD 3, Ind 1 (control Con). 22 seats up, none with a defended party recorded (no comparable ballot baseline in the log), so continuing is the eve of poll scaled down to the 41 seats not up in proportion (largest remainder): Con 22, Lab 16, LD 2, Ind 1.",
            import.State.Councils["trafford"].Baseline!.Source);
    }

    [Fact]
    public void TheResizedCouncilsSourceGivesTheOldCompositionAndTheNewSize()
    {
        Assert.Equal(
            "Open Council Data 2017: 120 seats, Lab 80, Con 29, LD 10, Ind 1 (control Lab). Resized to 101 seats (Open Council Data 2018), all up on new wards: no continuing seats; the eve-of-poll composition above is of the old 120 seats.",
            import.State.Councils["birmingham"].Baseline!.Source);
        Assert.Equal((101, 120, 80), (import.State.Councils["birmingham"].TotalSeats, import.State.Councils["birmingham"].Baseline!.EveOfPollSize, import.State.Councils["birmingham"].Baseline!.EveOfPoll.Single(e => e.Party.Id == "PP53").Seats));
    }

    [Fact]
    public void CouncilNamesAreMatchedByNameExceptLincolnWhichIsAKnownDifference()
    {
        Assert.Contains("The roster: all 150 councils of the election found, 149 by name as Slug.ForMatching has it, 1 through a known difference (city-of-lincoln = 'Lincoln'); its other 268 councils are not in this election.", import.Batch.Notes);
        Assert.Contains("The history's 2017 rows: all 150 councils of the election found, 149 by name as Slug.ForMatching has it, 1 through a known difference (city-of-lincoln = 'Lincoln'); its other 257 councils are not in this election.", import.Batch.Notes);
        Assert.Equal(418, OpenCouncilDataSource.CouncillorsByParty.Count);
        Assert.Equal(407, OpenCouncilDataSource.HistoryRows.Count(r => r.Year == 2017));
    }

    [Fact]
    public void WhereTheHistoryRowDisagreesWithTheRosterTheNoteAndSourceSaySo()
    {
        var peterborough = OpenCouncilDataSource.Snapshot("Peterborough", 2017);
        var roster = OpenCouncilDataSource.CouncillorsByParty["Peterborough"];
        Assert.Equal((15, 14), (peterborough.Lab, roster["PP53"]));

        Assert.Contains($"peterborough: the roster has Lab 14, other 7; the history row ({OpenCouncilDataSource.History}:{peterborough.Line}) has Lab 15, other 6. The roster's councillors are counted.", import.Batch.Notes);
        Assert.Contains(" Its history row has Lab 15, other 6 (roster Lab 14, other 7); the roster is counted. ", import.State.Councils["peterborough"].Baseline!.Source, StringComparison.Ordinal);
        Assert.Contains($"havering: the history's majority is 'Other' ({OpenCouncilDataSource.History}:{OpenCouncilDataSource.Snapshot("Havering", 2017).Line}), but by the roster no party has the 28 seats a majority needs (largest Con 22); control before is taken from the roster.", import.Batch.Notes);
    }

    [Fact]
    public void TheOnlyControlDisagreementWithTheHistoryIsHavering()
    {
        // The history's labels: "Con", "Lab", "LD" for a majority, "... plurality" for none, "Other" for a majority of
        // the other column taken together, which is never one party's.
        var disagreeing = import.Batch.Notes.Where(n => n.Contains("the history's majority is", StringComparison.Ordinal)).Select(n => n.Split(':')[0]);

        Assert.Equal(["havering"], disagreeing);
    }

    private static string RosterName(string slug) =>
        OcdName.GetValueOrDefault(slug) ?? OpenCouncilDataSource.CouncillorsByParty.Keys.Single(n => Core.Slug.ForMatching(n) == Core.Slug.ForMatching(slug));
}
