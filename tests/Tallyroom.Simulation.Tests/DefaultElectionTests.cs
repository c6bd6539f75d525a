using System.Text.RegularExpressions;
using Tallyroom.Core;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Parties;

namespace Tallyroom.Simulation.Tests;

/// <summary>What every default-size election must contain, whatever the seed, once its whole night is folded.</summary>
public sealed partial class DefaultElectionTests
{
    private static readonly string[] Regions = ["London", "North", "Midlands", "East", "South"];

    public static TheoryData<int> Seeds => Nights.Seeds;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ATieForTheLastSeatIsDecidedByLot(int seed)
    {
        var night = Nights.Default(seed);

        var tied = night.State.Ballots.Values
            .Select(b => b.Declaration?.Results.Where(r => r.DecidedByLot).ToList() ?? [])
            .Where(lots => lots.Count > 0)
            .ToList();
        Assert.NotEmpty(tied);
        Assert.All(tied, lots =>
        {
            Assert.True(lots.Count >= 2, "A lot needs two tied candidates.");
            Assert.Single(lots.Select(r => r.Votes).Distinct());
            Assert.Contains(lots, r => r.Elected);
            Assert.Contains(lots, r => !r.Elected);
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AWardIsElectedUnopposedBeforeTheNight(int seed)
    {
        var night = Nights.Default(seed);

        var unopposed = night.State.Ballots.Values.Where(b => b.Status == BallotStatus.Uncontested).ToList();
        Assert.NotEmpty(unopposed);
        Assert.All(unopposed, b =>
        {
            Assert.True(b.Definition.Candidates.Length <= b.Definition.SeatsUp);
            Assert.All(b.Declaration!.Results, r => Assert.Equal((null, true), (r.Votes, r.Elected)));
            Assert.Null(b.Declaration.BallotPapers);
            Assert.Null(b.Declaration.Rejected);
            Assert.Contains(night.Election.Setup, e => e is DeclarationRecorded d && d.Declaration.BallotId == b.Definition.Id);
            Assert.DoesNotContain(night.Election.Declarations, d => d.Declaration.BallotId == b.Definition.Id);
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void APollIsPostponedAndNeverDeclared(int seed)
    {
        var night = Nights.Default(seed);

        var postponed = night.State.Ballots.Values.Where(b => b.Status == BallotStatus.Postponed).ToList();
        Assert.InRange(postponed.Count, 1, 3);
        Assert.All(postponed, b =>
        {
            Assert.StartsWith("Poll countermanded on the death of a candidate, ", b.PostponedReason, StringComparison.Ordinal);
            Assert.Contains(b.Definition.Id.Replace(".2026-05-07", ".2026-06-11", StringComparison.Ordinal), b.PostponedReason, StringComparison.Ordinal);
            Assert.Null(b.Declaration);
            Assert.False(b.Definition.IsUncontested);
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryCouncilLiesInARegionSoProjectionsCanUseTheRegionalStepAndLondonBoroughsInLondon(int seed)
    {
        var councils = Nights.Default(seed).State.Councils.Values.ToList();

        Assert.All(councils, c => Assert.Contains(c.Definition.Region, Regions));
        Assert.All(councils.Where(c => c.Definition.Type == CouncilType.LondonBorough), c => Assert.Equal("London", c.Definition.Region));
        Assert.True(councils.Select(c => c.Definition.Region).Distinct().Count() >= 3);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryKindOfCouncilAndEveryCycleTakesPart(int seed)
    {
        var councils = Nights.Default(seed).State.Councils.Values.ToList();

        Assert.Equal(
            [CouncilType.LondonBorough, CouncilType.MetropolitanBorough, CouncilType.Unitary, CouncilType.District],
            councils.Select(c => c.Definition.Type).Distinct().Order());
        Assert.Equal([8, 12, 8, 12], councils.GroupBy(c => c.Definition.Type).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(20, councils.Count(c => c.Continuing.Total == 0 && c.TotalSeats == c.SeatsUp));
        Assert.Equal(16, councils.Count(c => c.Continuing.Total > 0 && c.TotalSeats == 3 * c.BallotIds.Length));
        Assert.Equal(4, councils.Count(c => c.Continuing.Total > 0 && c.TotalSeats == 2 * c.BallotIds.Length));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WardsElectOneToThreeCouncillorsWithUpToOneCandidatePerSeatForEachParty(int seed)
    {
        var ballots = Nights.Default(seed).State.Ballots.Values.Select(b => b.Definition).ToList();

        Assert.Equal([1, 2, 3], ballots.Select(b => b.SeatsUp).Distinct().Order());
        Assert.All(ballots, b => Assert.All(
            b.Candidates.Where(c => c.Party != PartyCatalog.Independent).GroupBy(c => c.Party.Id),
            party => Assert.InRange(party.Count(), 1, b.SeatsUp)));
        Assert.Contains(ballots, b => b.Candidates.GroupBy(c => c.Party.Id).Any(p => p.Count() == 3));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void IndependentsStandForThemselvesAndLocalGroupsAsPartiesOfTheirOwn(int seed)
    {
        var candidates = Nights.Default(seed).State.Ballots.Values.SelectMany(b => b.Definition.Candidates).ToList();

        Assert.Contains(candidates, c => c.Party == PartyCatalog.Independent);
        var local = candidates.Select(c => c.Party).Where(p => p.Id.StartsWith("name:", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(local.Count >= 2, $"{local.Count} local parties");
        Assert.All(local, p => Assert.Equal(PartyCatalog.Resolve(null, p.Name), p));
        Assert.Equal(
            ["Conservative", "Green", "Labour", "Liberal Democrats", "UKIP"],
            candidates.Select(c => c.Party).Where(p => p.Id.StartsWith("PP", StringComparison.Ordinal)).Select(p => p.Name).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AFewRedrawnWardsHaveNoComparableResult(int seed)
    {
        var ballots = Nights.Default(seed).State.Ballots.Values.ToList();

        var redrawn = ballots.Where(b => b.Baseline!.Kind == BaselineKind.NotComparable).ToList();
        Assert.InRange(redrawn.Count, 3, 5);
        Assert.Single(redrawn.Select(b => b.Definition.CouncilSlug).Distinct());
        Assert.All(redrawn, b => Assert.Equal((null, 0, 0), (b.Baseline!.LastFought, b.Baseline.Defended.Length, b.Baseline.Previous.Length)));
        Assert.All(ballots.Except(redrawn), b =>
        {
            Assert.Equal(BaselineKind.Actual, b.Baseline!.Kind);
            Assert.Equal(b.Definition.SeatsUp, b.Baseline.Defended.Sum(d => d.Seats));
            Assert.NotEmpty(b.Baseline.Previous);
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AThirdsCouncilWhoseControlCannotChangeThisYearTakesPart(int seed)
    {
        var councils = Nights.Default(seed).State.Councils.Values;

        Assert.Contains(councils, c => c.ControlCannotChange && c.TotalSeats == 3 * c.BallotIds.Length && c.ControlBefore!.Party is not null);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AfterTheNightCouncilsAreTakenFromAPartyHeldAndLostToNoOverallControl(int seed)
    {
        var outcomes = Nights.Default(seed).State.Councils.Values.Select(c => c.Outcome!).ToList();

        Assert.Contains(outcomes, o => o.Kind == OutcomeKind.Gain && o.From.Party is { } loser && loser != o.Party);
        Assert.Contains(outcomes, o => o.Kind == OutcomeKind.Hold);
        Assert.Contains(outcomes, o => o.Kind == OutcomeKind.LossToNoc);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ContestedDeclarationsCountBallotPapersNotVotes(int seed)
    {
        var declared = Nights.Default(seed).State.Ballots.Values.Where(b => b.Status == BallotStatus.Declared).ToList();

        Assert.All(declared, b =>
        {
            var d = b.Declaration!;
            Assert.True(d.BallotPapers > 0 && d.Rejected >= 0 && d.BallotPapers + d.Rejected <= d.Electorate, b.Definition.Id);
            if (b.Definition.SeatsUp == 1)
            {
                Assert.Equal(d.BallotPapers, d.Results.Sum(r => r.Votes));
            }
        });
        var threeSeats = declared.Where(b => b.Definition.SeatsUp == 3).ToList();
        var votesPerPaper = (double)threeSeats.Sum(b => b.Declaration!.Results.Sum(r => r.Votes!.Value)) / threeSeats.Sum(b => b.Declaration!.BallotPapers!.Value);
        Assert.InRange(votesPerPaper, 2.5, 2.95);
        var turnout = declared.Average(b => Turnout.BallotBox(b.Declaration!.BallotPapers, b.Declaration.Rejected, b.Declaration.Electorate)!.Value);
        Assert.InRange(turnout, 25.0, 40.0);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void IdsAreDemocracyClubIdsAndCodesLookLikeOnsCodes(int seed)
    {
        var state = Nights.Default(seed).State;

        Assert.All(state.Councils.Values, c =>
        {
            Assert.Equal(Slug.Make(c.Definition.Name), c.Definition.Slug);
            Assert.Equal(c.Definition.Type, CouncilTypes.FromGssCode(c.Definition.GssCode));
            Assert.Matches(GssCode(), c.Definition.GssCode);
        });
        Assert.All(state.Ballots.Values, b =>
        {
            Assert.Equal($"local.{b.Definition.CouncilSlug}.{Slug.Make(b.Definition.WardName)}.2026-05-07", b.Definition.Id);
            Assert.Matches(GssCode(), b.Definition.WardGssCode);
            Assert.StartsWith("E05", b.Definition.WardGssCode, StringComparison.Ordinal);
            Assert.Equal(b.Definition.Candidates.Select(c => Slug.Make(c.Name)), b.Definition.Candidates.Select(c => c.Id));
        });
        Assert.Equal(state.Councils.Count, state.Councils.Values.Select(c => c.Definition.GssCode).Distinct().Count());
        Assert.Equal(state.Ballots.Count, state.Ballots.Values.Select(b => b.Definition.WardGssCode).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TheNightIsOneDeclarationPerContestedBallotInBallotOrder(int seed)
    {
        var night = Nights.Default(seed);

        var expected = night.Election.Setup.OfType<BallotDefined>()
            .Select(b => night.State.Ballots[b.Ballot.Id])
            .Where(b => b.Status == BallotStatus.Declared)
            .Select(b => b.Definition.Id);
        Assert.Equal(expected, night.Election.Declarations.Select(d => d.Declaration.BallotId));
        Assert.All(night.Election.Setup, e => Assert.False(e is DeclarationRecorded { Declaration.BallotPapers: not null }, "A contested result is in the setup."));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ControlBeforeIsWhoHadAMajorityOnTheEveOfPoll(int seed)
    {
        var councils = Nights.Default(seed).State.Councils.Values;

        Assert.All(councils, c =>
        {
            var eve = PartySeats.Of(c.Baseline!.EveOfPoll);
            var (leader, tied) = eve.Largest();
            var majority = leader is not null && !tied && leader.Seats >= c.Majority ? leader.Party : null;
            Assert.Equal(majority, c.Baseline.ControlBefore);
            Assert.True(eve.Total <= c.TotalSeats);
            Assert.Equal(c.TotalSeats, c.Definition.StatutorySize);
        });
        Assert.Contains(councils, c => c.Baseline!.ControlBefore is null);
    }

    [GeneratedRegex("^E0[5-9][0-9]{6}$")]
    private static partial Regex GssCode();
}
