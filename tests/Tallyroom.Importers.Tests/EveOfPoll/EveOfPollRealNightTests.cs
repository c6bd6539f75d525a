using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Importers.DemocracyClub;
using Tallyroom.Importers.EveOfPoll;
using Tallyroom.Importers.Leap;
using Tallyroom.Importers.Previous;
using Tallyroom.Importers.Tests.Leap;
using Tallyroom.Testing;

namespace Tallyroom.Importers.Tests.EveOfPoll;

/// <summary>
/// The night's sources in their order: Democracy Club's 2018 results, the five countermanded polls from LEAP 2018,
/// the previous contests (LEAP 2014, then LEAP 2016 for the councils all-out that year, then the GLA's London 2014
/// file) and last the eve-of-poll baselines. Each batch is folded before the next importer reads the state.
/// </summary>
public sealed class RealNight
{
    public RealNight()
    {
        var changes = RawData.Path("ons_ward_lookups", "wards_2018_to_2014.csv");
        var state = ResultsEngine.Fold(ElectionState.Empty, DemocracyClubResults.Read(RawData.DemocracyClubResults, ElectionState.Empty, new ImportOptions { WardCodesPath = RawData.DemocracyClubWardCodes }).Events);
        state = ResultsEngine.Fold(state, PostponedPolls(state));
        state = ResultsEngine.Fold(state, PreviousLeap.Read(LeapSource.File2014, state, new ImportOptions { PollingDay = new DateOnly(2014, 5, 22), WardCodeChangesPath = changes }).Events);
        state = ResultsEngine.Fold(state, PreviousLeap.Read(LeapSource.File2016, state, new ImportOptions { WardCodeChangesPath = changes }).Events);
        state = ResultsEngine.Fold(state, PreviousGla.Read(RawData.Path("gla_london_2014", "london_council_election_2014_ward.csv"), state, new ImportOptions { WardCodeChangesPath = changes }).Events);
        Before = state;
        Batch = OpenCouncilDataBaselines.Read(OpenCouncilDataSource.Roster2017, state, new ImportOptions());
        State = ResultsEngine.Fold(state, Batch.Events);
    }

    /// <summary>The state the eve-of-poll importer read.</summary>
    public ElectionState Before { get; }

    public ImportBatch Batch { get; }

    public ElectionState State { get; }

    // What a manifest's "only: postponed-polls" keeps of the LEAP 2018 file: the countermanded polls' ballots and
    // their postponements, so that their seats count as up.
    private static List<ElectionEvent> PostponedPolls(ElectionState state)
    {
        var events = LeapResults.Read(LeapSource.File2018, state, new ImportOptions { SetupOnly = true }).Events;
        var postponed = events.OfType<BallotPostponed>().Select(p => p.BallotId).ToHashSet(StringComparer.Ordinal);
        return [.. events.Where(e => e is BallotPostponed || (e is BallotDefined b && postponed.Contains(b.Ballot.Id)))];
    }
}

public sealed class EveOfPollRealNightTests(RealNight night) : IClassFixture<RealNight>
{
    [Fact]
    public void EveryCouncilOfTheNightGetsABaselineThatTheRulesAccept()
    {
        Assert.Equal(150, night.Batch.Events.OfType<CouncilBaselineRecorded>().Count());
        Assert.All(night.State.Councils.Values, c => Assert.NotNull(c.Baseline));
        Assert.Equal(5, night.State.Ballots.Values.Count(b => b.Status == BallotStatus.Postponed));
    }

    [Fact]
    public void WestminsterIsAllOutWithNoContinuingSeatsAndConservativeControlBefore()
    {
        var westminster = night.State.Councils["westminster"];

        Assert.Equal((60, 31, 60), (westminster.TotalSeats, westminster.Majority, westminster.SeatsUp));
        Assert.Empty(westminster.Continuing.Entries);
        Assert.Equal("Conservative", westminster.ControlBefore!.Label);
        Assert.Equal("Open Council Data 2017: 60 seats, Con 44, Lab 15, Ind 1 (control Con). All 60 seats up: no continuing seats.", westminster.Baseline!.Source);
    }

    [Fact]
    public void BrentWithItsCountermandedPollInTheLogIsAllOut()
    {
        var brent = night.State.Councils["brent"];
        var seats2017 = OpenCouncilDataSource.Snapshot("Brent", 2017).Total;

        Assert.Equal((63, 63, 0), (seats2017, brent.SeatsUp, brent.Continuing.Total));
        Assert.EndsWith(" All 63 seats up: no continuing seats.", brent.Baseline!.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void TraffordsContinuingSeatsAreItsEveOfPollLessTheSeatsItsPartiesWonIn2014()
    {
        var trafford = night.State.Councils["trafford"];
        var expected = Subtract(OpenCouncilDataSource.CouncillorsByParty["Trafford"], Defended2014("Trafford", "trafford"));

        Assert.Equal(new Dictionary<string, int> { ["IND"] = 1, ["PP52"] = 22, ["PP53"] = 16, ["PP90"] = 2 }, expected);
        Assert.Equal(expected, trafford.Continuing.Entries.ToDictionary(e => e.Party.Id, e => e.Seats));
        Assert.Equal((63, "Conservative"), (trafford.TotalSeats, trafford.ControlBefore!.Label));
    }

    [Fact]
    public void SheffieldsContinuingSeatsAreItsEveOfPollLessTheLowestPlacedWinnersOf2016()
    {
        // Sheffield elected every seat on new wards in 2016; in each ward the lowest-placed winner took the two-year term.
        var sheffield = night.State.Councils["sheffield"];
        var defended = LeapSource.Leap2016.Where(r => r.Council == "Sheffield" && r.IsElected)
            .GroupBy(r => r.Ward)
            .Select(w => w.MinBy(r => int.Parse(r.Votes, System.Globalization.CultureInfo.InvariantCulture))!.Party)
            .GroupBy(TealeId)
            .ToDictionary(g => g.Key, g => g.Count());
        var expected = Subtract(OpenCouncilDataSource.CouncillorsByParty["Sheffield"], defended);

        Assert.Equal(new Dictionary<string, int> { ["PP53"] = 20, ["PP90"] = 6, ["PP63"] = 1, ["PP85"] = 1 }, defended);
        Assert.Equal(expected, sheffield.Continuing.Entries.ToDictionary(e => e.Party.Id, e => e.Seats));
        Assert.Equal((84, 28, 56), (sheffield.TotalSeats, sheffield.SeatsUp, sheffield.Continuing.Total));
        Assert.Equal("Labour", sheffield.ControlBefore!.Label);
    }

    [Fact]
    public void EveryThirdsOrHalvesCouncilsContinuingSeatsFillTheSeatsNotUpWithoutExceedingAnyPartysEveOfPoll()
    {
        var partial = night.State.Councils.Values.Where(c => c.Continuing.Total > 0).ToList();

        Assert.Equal(105, partial.Count);
        foreach (var council in partial)
        {
            // No council has a vacancy in the 2017 snapshot, so nothing is left unattributed.
            Assert.Equal((council.Definition.Slug, council.TotalSeats - council.SeatsUp), (council.Definition.Slug, council.Continuing.Total));
            var eve = council.Baseline!.EveOfPoll.ToDictionary(e => e.Party.Id, e => e.Seats);
            Assert.All(council.Continuing.Entries, c => Assert.InRange(c.Seats, 1, eve[c.Party.Id]));
        }
    }

    private Dictionary<string, int> Defended2014(string leapCouncil, string slug)
    {
        var wards = LeapSource.Leap2014.Where(r => r.Council == leapCouncil && r.IsElected).GroupBy(r => Slug.ForMatching(r.Ward)).ToDictionary(g => g.Key, g => g.ToList());
        return night.State.Councils[slug].BallotIds
            .SelectMany(id => wards[Slug.ForMatching(id.Split('.')[2])])
            .GroupBy(r => TealeId(r.Party))
            .ToDictionary(g => g.Key, g => g.Count());
    }

    private static string TealeId(string code) => code switch
    {
        "C" => "PP52",
        "Lab" => "PP53",
        "LD" => "PP90",
        "Grn" => "PP63",
        "UKIP" => "PP85",
        "Ind" => "IND",
        _ => "label:" + code,
    };

    private static Dictionary<string, int> Subtract(Dictionary<string, int> eveOfPoll, Dictionary<string, int> defended) =>
        eveOfPoll.Select(p => (p.Key, Seats: p.Value - defended.GetValueOrDefault(p.Key))).Where(p => p.Seats > 0).ToDictionary(p => p.Key, p => p.Seats);
}
