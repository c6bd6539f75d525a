using Tallyroom.Core.Analysis;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using static Tallyroom.Core.Tests.Analysis.AnalysisElection;
using static Tallyroom.Core.Tests.ElectionBuilder;

namespace Tallyroom.Core.Tests.Analysis;

public sealed class SwingNeededTests
{
    private static ControlTarget Target(ElectionState state, Core.Parties.Party party, TargetOptions? options = null) =>
        SwingNeeded.ForControl(state, state.Councils["leeds"], party, options);

    [Fact]
    public void ASingleMemberSeatNeedsHalfTheGapToItsHolder()
    {
        var state = new ElectionBuilder()
            .Council("leeds")
            .Ballot("leeds", "a", 1, Con, Lab, LD)
            .Previous("leeds", "a", (Con, 500), (Lab, 300), (LD, 200))
            .Build();

        var seat = Assert.Single(Target(state, Lab).Targets);

        Assert.Equal((50.0 - 30.0) / 2, seat.Swing, 9);
        Assert.Equal(("a", 1, "Conservative", false), (seat.WardName, seat.Seat, seat.Holder.Name, seat.Declared));
    }

    [Fact]
    public void ASeatHeldByAThirdPartyAlsoNeedsTheWholeGapToIt()
    {
        // LD 45 holds; Con 35; Lab 20. From the holder (default): LD falls with the swing, Con stays put, so Labour
        // needs max((45 − 20)/2, 35 − 20) = 15. From Conservative: LD stays put: max((35 − 20)/2, 45 − 20) = 25.
        var state = new ElectionBuilder()
            .Council("leeds")
            .Ballot("leeds", "a", 1, LD, Con, Lab)
            .Previous("leeds", "a", (LD, 450), (Con, 350), (Lab, 200))
            .Build();

        var fromHolder = Assert.Single(Target(state, Lab).Targets);
        var fromCon = Assert.Single(Target(state, Lab, new TargetOptions { From = Con }).Targets);

        Assert.Equal((15.0, "Liberal Democrats"), (Math.Round(fromHolder.Swing, 9), fromHolder.Holder.Name));
        Assert.Equal((25.0, "Liberal Democrats"), (Math.Round(fromCon.Swing, 9), fromCon.Holder.Name));
    }

    [Fact]
    public void InAMultiMemberWardEveryCandidateIsSwungAndTheTopSRecounted()
    {
        // Top-vote total 1000 + 880 = 1880. Labour's best (880) must pass Con's third (900); its second (700) Con's
        // second (950); its third (500) Con's best (1000): each half the gap, as shares of 1880.
        var state = new ElectionBuilder()
            .Council("leeds")
            .Ballot("leeds", "a", 3, Con, Con, Con, Lab, Lab, Lab)
            .Previous("leeds", "a", (Con, 1000), (Con, 950), (Con, 900), (Lab, 880), (Lab, 700), (Lab, 500))
            .Build();

        var targets = Target(state, Lab).Targets;

        Assert.Equal([1, 2, 3], targets.Select(t => t.Seat));
        Assert.Equal(100.0 * (900 - 880) / 1880 / 2, targets[0].Swing, 9);
        Assert.Equal(100.0 * (950 - 700) / 1880 / 2, targets[1].Swing, 9);
        Assert.Equal(100.0 * (1000 - 500) / 1880 / 2, targets[2].Swing, 9);
        Assert.All(targets, t => Assert.Equal("Conservative", t.Holder.Name));
    }

    [Fact]
    public void TheShareMethodChangesTheCandidatesShares()
    {
        var state = new ElectionBuilder()
            .Council("leeds")
            .Ballot("leeds", "a", 3, Con, Con, Con, Lab, Lab, Lab)
            .Previous("leeds", "a", (Con, 1000), (Con, 950), (Con, 900), (Lab, 880), (Lab, 700), (Lab, 500))
            .Build();

        var total = Target(state, Lab, new TargetOptions { Method = ShareMethod.TotalVote });

        Assert.Equal(ShareMethod.TotalVote, total.Method);
        Assert.Equal(100.0 * (900 - 880) / 4930 / 2, total.Targets[0].Swing, 9);
    }

    [Fact]
    public void APartyThatDidNotStandLastTimeStartsFromNothing()
    {
        // Green stands now but not last time: from 0 it must pass the holder (60, halved) and Labour (40, whole).
        var state = new ElectionBuilder()
            .Council("leeds")
            .Ballot("leeds", "a", 1, Con, Lab, Grn)
            .Previous("leeds", "a", (Con, 600), (Lab, 400))
            .Build();

        Assert.Equal(40.0, Assert.Single(Target(state, Grn).Targets).Swing, 9);
    }

    [Fact]
    public void APartyWithNoCandidateInAWardCannotTakeItsSeats()
    {
        var state = new ElectionBuilder()
            .Council("leeds")
            .Ballot("leeds", "a", 1, Con, Lab)
            .Ballot("leeds", "b", 2, Con, Con, Lab)
            .Ballot("leeds", "c", 1, Con, LD)
            .Previous("leeds", "a", (Con, 600), (Lab, 400))
            .Previous("leeds", "b", (Con, 600), (Con, 550), (Lab, 400), (Lab, 300))
            .Previous("leeds", "c", (Con, 600), (Lab, 400))
            .Build();

        var target = Target(state, Lab);

        Assert.Equal(2, target.SeatsContested); // one in a, one in b (one candidate for two seats), none in c
        Assert.Equal(["b", "a"], target.Targets.Select(t => t.WardName)); // b: half of 55 − 40; a: half of 60 − 40
    }

    private static ElectionBuilder FiveWards() => new ElectionBuilder()
        .Council("leeds")
        .Ballot("leeds", "a", 1, Con, Lab)
        .Ballot("leeds", "b", 1, Con, Lab)
        .Ballot("leeds", "c", 1, Con, Lab)
        .Ballot("leeds", "d", 1, Con, Lab)
        .Ballot("leeds", "e", 1, Con, Lab)
        .Previous("leeds", "a", (Con, 400), (Lab, 600)) // Labour's: −10
        .Previous("leeds", "b", (Con, 520), (Lab, 480)) // 2
        .Previous("leeds", "c", (Con, 540), (Lab, 460)) // 4
        .Previous("leeds", "d", (Con, 560), (Lab, 440)) // 6
        .Previous("leeds", "e", (Con, 580), (Lab, 420)); // 8

    [Fact]
    public void TheSwingNeededBringsContinuingSeatsPlusSeatsWonToTheMajority()
    {
        // T = 7, M = 4; Labour continues with 1, holds a, so it needs 2 gains: b (2) and c (4).
        var state = FiveWards().CouncilBaseline("leeds", 7, Con, (Con, 1), (Lab, 1)).Build();

        var target = Target(state, Lab);

        Assert.Equal((4, 1, 3, 1, 2), (target.Majority, target.Continuing, target.SeatsNeeded, target.SeatsHeld, target.GainsNeeded));
        Assert.Equal((ControlPath.NeedsSwing, 4.0), (target.Path, Math.Round(target.SwingNeeded!.Value, 9)));
        Assert.Equal(["b", "c", "d", "e"], target.Targets.Select(t => t.WardName));
        Assert.Equal([2.0, 4.0, 6.0, 8.0], target.Targets.Select(t => Math.Round(t.Swing, 9)));
    }

    [Fact]
    public void TheControllingPartyLosesControlWhenItsSeatsFallBelowTheMajority()
    {
        // Conservatives: 1 continuing + b, c, d, e = 5 of 7. At a swing of 4 against them they keep d and e only: 3 < 4.
        var state = FiveWards().CouncilBaseline("leeds", 7, Con, (Con, 1), (Lab, 1)).Build();

        var defence = SwingNeeded.ToLoseControl(state, state.Councils["leeds"])!;

        Assert.Equal(("Conservative", DefencePath.LosesAtSwing, 4), (defence.Party.Name, defence.Path, defence.SeatsHeld));
        Assert.Equal(4.0, defence.SwingToLose!.Value, 9);
        Assert.Equal((ControlPath.HasMajority, 0.0), (Target(state, Con).Path, Target(state, Con).SwingNeeded!.Value));
    }

    [Fact]
    public void SeatsTiedOnTheSwingNeededAreTakenTogetherAndDrawingLevelCounts()
    {
        // Labour holds a and needs two more of five (M = 3): w and x both need exactly 5 and it draws level in both at 5.
        var state = new ElectionBuilder()
            .Council("leeds")
            .Ballot("leeds", "a", 1, Con, Lab)
            .Ballot("leeds", "x", 1, Con, Lab)
            .Ballot("leeds", "w", 1, Con, Lab)
            .Ballot("leeds", "y", 1, Con, Lab)
            .Ballot("leeds", "z", 1, Con, Lab)
            .Previous("leeds", "a", (Con, 400), (Lab, 600))
            .Previous("leeds", "x", (Con, 550), (Lab, 450))
            .Previous("leeds", "w", (Con, 550), (Lab, 450))
            .Previous("leeds", "y", (Con, 600), (Lab, 400))
            .Previous("leeds", "z", (Con, 650), (Lab, 350))
            .CouncilBaseline("leeds", 5, Con)
            .Build();

        var target = Target(state, Lab);

        Assert.Equal(3, target.Majority);
        Assert.Equal(5.0, target.SwingNeeded!.Value, 9);
        Assert.Equal(["w", "x", "y", "z"], target.Targets.Select(t => t.WardName)); // equal swings in ward-name order
        // Against the Conservatives, drawing level loses the seat: at 5 they keep y and z only, 2 of the 3 they need.
        Assert.Equal(5.0, SwingNeeded.ToLoseControl(state, state.Councils["leeds"])!.SwingToLose!.Value, 9);
    }

    [Fact]
    public void ACouncilThatCannotChangeControlHasNoSwingForTheChallengerAndNoneToLose()
    {
        // T = 9, M = 5: the Conservatives' 5 continuing seats settle it; Labour's 1 + 3 up is at most 4.
        var state = new ElectionBuilder()
            .Council("leeds")
            .Ballot("leeds", "a", 1, Con, Lab)
            .Ballot("leeds", "b", 1, Con, Lab)
            .Ballot("leeds", "c", 1, Con, Lab)
            .Previous("leeds", "a", (Con, 400), (Lab, 600))
            .Previous("leeds", "b", (Con, 520), (Lab, 480))
            .Previous("leeds", "c", (Con, 540), (Lab, 460))
            .CouncilBaseline("leeds", 9, Con, (Con, 5), (Lab, 1))
            .Build();

        var labour = Target(state, Lab);
        var defence = SwingNeeded.ToLoseControl(state, state.Councils["leeds"])!;

        Assert.True(state.Councils["leeds"].ControlCannotChange);
        Assert.Equal((ControlPath.ImpossibleThisYear, null), (labour.Path, labour.SwingNeeded));
        Assert.Equal((DefencePath.CannotLose, null), (defence.Path, defence.SwingToLose));
        Assert.Equal((ControlPath.HasMajority, 0.0), (Target(state, Con).Path, Target(state, Con).SwingNeeded));
    }

    [Fact]
    public void APartyThatCannotReachTheMajorityEvenWinningEverySeatWhereItStandsIsImpossibleThisYear()
    {
        var state = FiveWards()
            .Ballot("leeds", "f", 1, Con, Grn)
            .Ballot("leeds", "g", 1, Con, Grn)
            .Build();

        var green = Target(state, Grn);

        Assert.Equal((4, 2), (green.Majority, green.SeatsContested));
        Assert.Equal((ControlPath.ImpossibleThisYear, null), (green.Path, green.SwingNeeded));
    }

    [Fact]
    public void WardsWithoutAComparableResultAreLeftOutOfTheTargetListAndCounted()
    {
        // b is redrawn and a has no baseline at all; Labour needs 3 of 5, so all of c, d and e: 6.
        var state = new ElectionBuilder()
            .Council("leeds")
            .Ballot("leeds", "a", 1, Con, Lab)
            .Ballot("leeds", "b", 1, Con, Lab)
            .Ballot("leeds", "c", 1, Con, Lab)
            .Ballot("leeds", "d", 1, Con, Lab)
            .Ballot("leeds", "e", 1, Con, Lab)
            .NotComparable("leeds", "b")
            .Previous("leeds", "c", (Con, 520), (Lab, 480))
            .Previous("leeds", "d", (Con, 540), (Lab, 460))
            .Previous("leeds", "e", (Con, 560), (Lab, 440))
            .Build();

        var target = Target(state, Lab);

        Assert.Equal((2, 2, 5), (target.BallotsNotComparable, target.SeatsNotComparable, target.TotalSeats));
        Assert.Equal(["c", "d", "e"], target.Targets.Select(t => t.WardName));
        Assert.Equal((ControlPath.NeedsSwing, 6.0), (target.Path, Math.Round(target.SwingNeeded!.Value, 9)));
    }

    [Fact]
    public void WhenOnlyWardsWithoutAComparableResultCouldGiveAMajorityNoSwingIsGiven()
    {
        var state = new ElectionBuilder()
            .Council("leeds")
            .Ballot("leeds", "a", 3, Con, Con, Con, Lab, Lab, Lab)
            .Ballot("leeds", "b", 1, Con, Lab)
            .NotComparable("leeds", "a")
            .Previous("leeds", "b", (Con, 520), (Lab, 480))
            .CouncilBaseline("leeds", 4, Con)
            .Build();

        var target = Target(state, Lab);
        var defence = SwingNeeded.ToLoseControl(state, state.Councils["leeds"])!;

        Assert.Equal((ControlPath.BeyondComparableWards, null), (target.Path, target.SwingNeeded));
        Assert.Equal(2.0, Assert.Single(target.Targets).Swing, 9);
        Assert.Equal((DefencePath.BeyondComparableWards, null, 3), (defence.Path, defence.SwingToLose, defence.SeatsNotComparable));
    }

    [Fact]
    public void SeatsWithAComparableBaselineButNoVotesStayWithTheirDefenders()
    {
        var state = FiveWards()
            .Ballot("leeds", "f", 1, Lab, Con)
            .Add(new BallotBaselineRecorded(new BallotBaseline
            {
                BallotId = BallotId("leeds", "f"),
                Kind = BaselineKind.Actual,
                Defended = [new PartyCount(Lab, 1)],
                Previous = [new PreviousCandidate("Unopposed", Lab, null, true)],
                Source = "test",
            }))
            .Build();

        var target = Target(state, Lab);

        // T = 6, M = 4: a and f held, b and c gained at 4.
        Assert.Equal((1, 2, 4.0), (target.SeatsWithoutVotes, target.SeatsHeld, Math.Round(target.SwingNeeded!.Value, 9)));
        Assert.DoesNotContain(target.Targets, t => t.WardName == "f");
    }

    [Fact]
    public void OnTheDeclaredBasisDeclaredSeatsCountAsDeclaredAndLeaveTheTargetList()
    {
        // Labour won e (its hardest target) on the night: on last time's shares the list is unchanged, but on the
        // declared basis e is Labour's and it needs only b for M = 3 of 5.
        var state = FiveWards().Declare("leeds", "e", 300, 700).Build();

        var previous = Target(state, Lab);
        var declared = Target(state, Lab, new TargetOptions { Basis = TargetBasis.DeclaredResults });

        Assert.Equal((4.0, 5), (Math.Round(previous.SwingNeeded!.Value, 9), previous.Targets.Length + previous.SeatsHeld));
        Assert.True(previous.Targets.Single(t => t.WardName == "e").Declared);
        Assert.Equal((2.0, 2), (Math.Round(declared.SwingNeeded!.Value, 9), declared.SeatsHeld));
        Assert.Equal(["b", "c", "d"], declared.Targets.Select(t => t.WardName));
    }

    [Fact]
    public void ASwingCannotComeFromThePartyItGoesTo()
    {
        var state = FiveWards().Build();

        Assert.Throws<ArgumentException>(() => Target(state, Lab, new TargetOptions { From = Lab }));
    }
}
