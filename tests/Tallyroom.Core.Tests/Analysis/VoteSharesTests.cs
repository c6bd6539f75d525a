using Tallyroom.Core.Analysis;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using static Tallyroom.Core.Tests.Analysis.AnalysisElection;
using static Tallyroom.Core.Tests.ElectionBuilder;

namespace Tallyroom.Core.Tests.Analysis;

public sealed class VoteSharesTests
{
    // DOMAIN.md: "a one-candidate party can be 9% by total and 21% by top vote in the same ward".
    private static ElectionBuilder ThreeSeatWard() => new ElectionBuilder()
        .Council("leeds")
        .Ballot("leeds", "a", 3, Con, Con, Con, Lab, Lab, Lab, Grn)
        .Declare("leeds", "a", 1000, 900, 800, 700, 650, 600, 450);

    [Fact]
    public void AOneCandidatePartyIsTwentyOnePercentByTopVoteButNineByTotalVote()
    {
        var ballot = ThreeSeatWard().Build().Ballots[BallotId("leeds", "a")];

        var top = VoteShares.Declared(ballot, ShareMethod.TopVote)!;
        var average = VoteShares.Declared(ballot, ShareMethod.AverageVote)!;
        var total = VoteShares.Declared(ballot, ShareMethod.TotalVote)!;

        Assert.Equal(2150, top.Total);
        Assert.Equal(100.0 * 450 / 2150, top.PartyShare(Grn.Id)!.Value, 9); // 20.9%
        Assert.Equal(2000, average.Total);
        Assert.Equal(22.5, average.PartyShare(Grn.Id)!.Value, 9);
        Assert.Equal(5100, total.Total);
        Assert.Equal(100.0 * 450 / 5100, total.PartyShare(Grn.Id)!.Value, 9); // 8.8%
        Assert.Equal(100.0 * 1000 / 2150, top.PartyShare(Con.Id)!.Value, 9);
        Assert.All([top, average, total], s => Assert.Equal(100, s.Shares.Sum(c => c.Share), 9));
    }

    [Fact]
    public void EveryShareCarriesItsMethod()
    {
        var ballot = ThreeSeatWard().Build().Ballots[BallotId("leeds", "a")];

        var changes = VoteShares.Ward(ballot, ShareMethod.AverageVote)!;

        Assert.Equal(ShareMethod.AverageVote, changes.Method);
        Assert.All(changes.Changes, c => Assert.Equal(ShareMethod.AverageVote, c.Method));
        Assert.Equal(ShareMethod.AverageVote, VoteShares.Declared(ballot, ShareMethod.AverageVote)!.Method);
    }

    [Fact]
    public void EachIndependentIsAContestantOfTheirOwnInAWardButGroupedInACouncil()
    {
        var state = new ElectionBuilder()
            .Council("hart")
            .Add(new BallotDefined(new BallotDefinition
            {
                Id = BallotId("hart", "a"),
                CouncilSlug = "hart",
                WardName = "a",
                SeatsUp = 1,
                Candidates = [new("c1", "Ann Oak", Ind), new("c2", "Bob Elm", Ind), new("c3", "Cy Ash", Con)],
            }))
            .Declare("hart", "a", 300, 200, 500)
            .Build();

        var ward = VoteShares.Declared(state.Ballots[BallotId("hart", "a")])!;
        var council = VoteShares.Council(state, state.Councils["hart"]);

        Assert.Equal(["Conservative", "Ann Oak", "Bob Elm"], ward.Shares.Select(s => s.Contestant.Name));
        Assert.Equal([50.0, 30.0, 20.0], ward.Shares.Select(s => s.Share));
        Assert.True(ward.Shares[1].Contestant.IsIndependent);
        Assert.Equal(50.0, ward.PartyShare(Ind.Id));
        Assert.Equal(50.0, council.Parties.Single(p => p.Contestant.Id == Ind.Id).Share);
        Assert.Equal(["Conservative", "Independent"], council.Parties.Select(p => p.Contestant.Name));
    }

    [Fact]
    public void ShareChangeIsMeasuredAgainstLastTimeByTheSameMethod()
    {
        var state = ThreeSeatWard().Previous("leeds", "a", (Con, 1200), (Con, 1100), (Con, 1000), (Lab, 600), (Lab, 500), (Lab, 400)).Build();

        var changes = VoteShares.Ward(state.Ballots[BallotId("leeds", "a")])!;
        var con = changes.Changes.Single(c => c.Contestant.Id == Con.Id);
        var lab = changes.Changes.Single(c => c.Contestant.Id == Lab.Id);

        Assert.True(changes.Comparable);
        Assert.Equal((ShareComparison.Compared, 100.0 * 1200 / 1800), (con.Comparison, con.PreviousShare!.Value));
        Assert.Equal((100.0 * 1000 / 2150) - (100.0 * 1200 / 1800), con.Change!.Value, 9); // 46.5 − 66.7 = −20.2
        Assert.Equal((100.0 * 700 / 2150) - (100.0 * 600 / 1800), lab.Change!.Value, 9);
    }

    [Fact]
    public void APartyThatDidNotStandLastTimeIsNewWithNoChange()
    {
        var state = ThreeSeatWard().Previous("leeds", "a", (Con, 1200), (Con, 1100), (Con, 1000), (Lab, 600)).Build();

        var green = VoteShares.Ward(state.Ballots[BallotId("leeds", "a")])!.Changes.Single(c => c.Contestant.Id == Grn.Id);

        Assert.Equal(ShareComparison.New, green.Comparison);
        Assert.True(green.IsNew);
        Assert.Null(green.Change);
        Assert.Null(green.PreviousShare);
        Assert.Equal(100.0 * 450 / 2150, green.Share!.Value, 9);
    }

    [Fact]
    public void APartyThatStoodOnlyLastTimeHasNoChangeEither()
    {
        var state = ThreeSeatWard().Previous("leeds", "a", (Con, 1200), (Con, 1100), (Con, 1000), (Lab, 600), (LD, 200)).Build();

        var libDems = VoteShares.Ward(state.Ballots[BallotId("leeds", "a")])!.Changes.Single(c => c.Contestant.Id == LD.Id);

        Assert.Equal((ShareComparison.NotStandingNow, null, null), (libDems.Comparison, libDems.Share, libDems.Change));
        Assert.Equal(10.0, libDems.PreviousShare);
    }

    [Fact]
    public void AWardWithoutAComparableBaselineHasSharesButNoChanges()
    {
        var state = ThreeSeatWard().NotComparable("leeds", "a").Build();

        var changes = VoteShares.Ward(state.Ballots[BallotId("leeds", "a")])!;

        Assert.False(changes.Comparable);
        Assert.All(changes.Changes, c => Assert.Equal((ShareComparison.NotComparable, null, null), (c.Comparison, c.Change, c.PreviousShare)));
        Assert.Equal(3, changes.Changes.Length);
    }

    [Fact]
    public void AnIndependentStandingAgainIsComparedWithTheirOwnResultByName()
    {
        var state = new ElectionBuilder()
            .Council("hart")
            .Add(new BallotDefined(new BallotDefinition
            {
                Id = BallotId("hart", "a"),
                CouncilSlug = "hart",
                WardName = "a",
                SeatsUp = 1,
                Candidates = [new("c1", "Ann Oak", Ind), new("c2", "Bob Elm", Ind), new("c3", "Cy Ash", Con)],
            }))
            .Declare("hart", "a", 300, 200, 500)
            .Previous("hart", "a", (Ind, "ANN OAK", 400), (Con, "Cy Ash", 600))
            .Build();

        var changes = VoteShares.Ward(state.Ballots[BallotId("hart", "a")])!.Changes;

        Assert.Equal((ShareComparison.Compared, -10.0), (changes.Single(c => c.Contestant.Name == "Ann Oak").Comparison, changes.Single(c => c.Contestant.Name == "Ann Oak").Change!.Value));
        Assert.Equal(ShareComparison.New, changes.Single(c => c.Contestant.Name == "Bob Elm").Comparison);
    }

    [Fact]
    public void UndeclaredAndUncontestedWardsHaveNoShares()
    {
        var state = new ElectionBuilder()
            .Council("leeds")
            .Ballot("leeds", "a", 1, Con, Lab)
            .Ballot("leeds", "b", 1, Con)
            .Add(new DeclarationRecorded(new Declaration { BallotId = BallotId("leeds", "b"), Results = Lines((null, true)) }))
            .Build();

        Assert.Null(VoteShares.Declared(state.Ballots[BallotId("leeds", "a")]));
        Assert.Null(VoteShares.Ward(state.Ballots[BallotId("leeds", "a")]));
        Assert.Null(VoteShares.Declared(state.Ballots[BallotId("leeds", "b")]));
    }

    [Fact]
    public void CouncilSharesSumVotesOverDeclaredWardsAndCompareOnlyTheComparableOnes()
    {
        var state = new ElectionBuilder()
            .Council("leeds")
            .Ballot("leeds", "a", 1, Con, Lab)
            .Ballot("leeds", "b", 1, Con, Lab, Grn)
            .Ballot("leeds", "c", 1, Con, Lab)
            .Declare("leeds", "a", 600, 400)
            .Declare("leeds", "b", 300, 500, 200)
            .Previous("leeds", "a", (Con, 700), (Lab, 300))
            .NotComparable("leeds", "b")
            .Previous("leeds", "c", (Con, 100), (Lab, 900))
            .Build();

        var shares = VoteShares.Council(state, state.Councils["leeds"]);
        var con = shares.Parties.Single(p => p.Contestant.Id == Con.Id);
        var green = shares.Parties.Single(p => p.Contestant.Id == Grn.Id);

        Assert.Equal((2, 1, 1, 2000.0), (shares.Wards, shares.WardsCompared, shares.WardsNotComparable, shares.Total));
        Assert.Equal(45.0, con.Share); // (600 + 300) / 2000; ward c is not declared
        Assert.Equal((60.0, 70.0, ShareComparison.Compared), (con.ComparedShare!.Value, con.PreviousShare!.Value, con.Comparison));
        Assert.Equal(-10.0, con.Change!.Value, 9);
        Assert.Equal((10.0, ShareComparison.NotComparable), (green.Share!.Value, green.Comparison)); // it stood only where nothing compares
        Assert.Equal(["Conservative", "Labour", "Green"], shares.Parties.Select(p => p.Contestant.Name));
    }

    [Fact]
    public void NationalSharesSumEveryCouncilsDeclaredWards()
    {
        var state = new ElectionBuilder()
            .Council("leeds")
            .Council("hart")
            .Ballot("leeds", "a", 1, Con, Lab)
            .Ballot("hart", "a", 2, Con, Con, LD, LD)
            .Declare("leeds", "a", 600, 400)
            .Declare("hart", "a", 700, 500, 300, 200)
            .Build();

        var top = VoteShares.National(state);
        var total = VoteShares.National(state, ShareMethod.TotalVote);

        Assert.Equal(("local.2018-05-03", 2, 2000.0), (top.Scope, top.Wards, top.Total));
        Assert.Equal(65.0, top.Parties.Single(p => p.Contestant.Id == Con.Id).Share); // (600 + 700) / (1000 + 1000)
        Assert.Equal(100.0 * 1800 / 2700, total.Parties.Single(p => p.Contestant.Id == Con.Id).Share!.Value, 9);
    }
}
