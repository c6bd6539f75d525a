using Tallyroom.Core;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.EveOfPoll;
using Tallyroom.Importers.Tests.Leap;
using Tallyroom.Testing;

namespace Tallyroom.Importers.Tests.EveOfPoll;

/// <summary>
/// Trafford, a council electing by thirds, with each 2018 ballot's defended seats taken in the test from LEAP's 2014
/// file (read with the tests' own CSV reading and matched by ward name), independently of the previous-results importers.
/// </summary>
public sealed class TraffordContinuingSeatsTests(RealEveOfPollImport import) : IClassFixture<RealEveOfPollImport>
{
    private static readonly Dictionary<string, Party> TealeCodes = new(StringComparer.Ordinal)
    {
        ["C"] = PartyCatalog.Conservative,
        ["Lab"] = PartyCatalog.Labour,
        ["LD"] = PartyCatalog.LiberalDemocrats,
    };

    [Fact]
    public void TraffordsContinuingSeatsAreItsEveOfPollLessTheSeatsLastFoughtIn2014()
    {
        var (state, defended) = WithDefendedSeatsFrom2014();
        var batch = OpenCouncilDataBaselines.Read(OpenCouncilDataSource.Roster2017, state, new ImportOptions());
        var trafford = ResultsEngine.Fold(state, batch.Events).Councils["trafford"];

        // LEAP 2014: Trafford's 21 wards elected 22 (two in Altrincham, as in 2018): Con 12, Lab 9, LD 1 (Village).
        Assert.Equal(new Dictionary<string, int> { ["PP52"] = 12, ["PP53"] = 9, ["PP90"] = 1 }, defended);

        // Eve of poll (SOURCES.md: Con 34 / Lab 25 / LD 3 / other 1, the other an independent) less those.
        Assert.Equal(
            [new PartyCount(PartyCatalog.Independent, 1), new PartyCount(PartyCatalog.Conservative, 34 - 12), new PartyCount(PartyCatalog.Labour, 25 - 9), new PartyCount(PartyCatalog.LiberalDemocrats, 3 - 1)],
            trafford.Continuing.Entries.AsEnumerable());
        Assert.Equal(63 - 22, trafford.Continuing.Total);
        Assert.Equal(
            "Open Council Data 2017: 63 seats, Con 34, Lab 25, LD 3, Ind 1 (control Con). 22 seats up; defended Con 12, Lab 9, LD 1; continuing = eve of poll − defended: Con 22, Lab 16, LD 2, Ind 1.",
            trafford.Baseline!.Source);
        Assert.DoesNotContain("trafford (", batch.Notes.Single(n => n.StartsWith("Continuing seats:", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void WithItsContinuingSeatsTraffordPassesFromConservativeControlToNoOverallControl()
    {
        var (state, _) = WithDefendedSeatsFrom2014();
        var trafford = ResultsEngine.Fold(state, OpenCouncilDataBaselines.Read(OpenCouncilDataSource.Roster2017, state, new ImportOptions()).Events).Councils["trafford"];
        var won = DemocracyClubCounts.WinnersByParty("trafford");

        // 2018 (Democracy Club): Lab 13, Con 7, Grn 2. With Con 22, Lab 16, LD 2, Ind 1 continuing: Con 29, Lab 29 of 63.
        Assert.Equal((13, 7, 2), (won["Labour Party"], won["Conservative and Unionist Party"], won["Green Party"]));
        Assert.Equal((22 + 7, 16 + 13), (trafford.Composition.Get(PartyCatalog.Conservative.Id), trafford.Composition.Get(PartyCatalog.Labour.Id)));
        Assert.Equal(new CouncilOutcome(OutcomeKind.LossToNoc, PartyCatalog.Conservative, new CouncilControl(ControlKind.Party, PartyCatalog.Conservative)), trafford.Outcome);
    }

    private (ElectionState State, Dictionary<string, int> Defended) WithDefendedSeatsFrom2014()
    {
        var election = import.Election;
        var wards2014 = LeapSource.Leap2014.Where(r => r.Council == "Trafford" && r.IsElected).GroupBy(r => Slug.ForMatching(r.Ward)).ToDictionary(g => g.Key, g => g.ToList());
        var events = new List<ElectionEvent>();
        var defended = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in election.Councils["trafford"].BallotIds)
        {
            var winners = wards2014[Slug.ForMatching(id.Split('.')[2])];
            Assert.Equal(election.Ballots[id].Definition.SeatsUp, winners.Count);
            var parties = winners.Select(w => TealeCodes[w.Party]).ToList();
            parties.ForEach(p => defended[p.Id] = defended.GetValueOrDefault(p.Id) + 1);
            events.Add(new BallotBaselineRecorded(new BallotBaseline
            {
                BallotId = id,
                Kind = BaselineKind.Actual,
                LastFought = new DateOnly(2014, 5, 22),
                Defended = PartySeats.Count(parties).Entries,
                Source = "LEAP 2014, read in the test",
            }));
        }

        Assert.Equal(21, events.Count);
        return (ResultsEngine.Fold(election, events), defended);
    }
}
