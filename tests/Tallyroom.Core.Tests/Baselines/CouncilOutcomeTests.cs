using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using static Tallyroom.Core.Tests.ElectionBuilder;

namespace Tallyroom.Core.Tests.Baselines;

public sealed class CouncilOutcomeTests
{
    /// <summary>A thirds council: 9 seats, 3 up (one per ward), 6 continuing.</summary>
    private static ElectionBuilder Thirds(Party? controlBefore, (Party, int)[] continuing, Party[] defended) => new ElectionBuilder()
        .Council("thirds")
        .Ballot("thirds", "a", 1, Con, Lab)
        .Ballot("thirds", "b", 1, Con, Lab)
        .Ballot("thirds", "c", 1, Con, Lab)
        .CouncilBaseline("thirds", 9, controlBefore, continuing)
        .Defended("thirds", "a", defended[0])
        .Defended("thirds", "b", defended[1])
        .Defended("thirds", "c", defended[2]);

    [Fact]
    public void ContinuingSeatsDecideControlInAThirdsCouncil()
    {
        // Continuing Con 4, Lab 2; M = 5. Labour wins all three seats up: Lab 5, Con 4.
        var state = Thirds(Con, [(Con, 4), (Lab, 2)], [Con, Con, Lab])
            .Declare("thirds", "a", 100, 200).Declare("thirds", "b", 100, 200).Declare("thirds", "c", 100, 200)
            .Build();
        var council = state.Councils["thirds"];

        Assert.Equal((9, 5, 3), (council.TotalSeats, council.Majority, council.SeatsUp));
        Assert.Equal("Labour", council.Control.Label);
        Assert.Equal(new CouncilOutcome(OutcomeKind.Gain, Lab, new CouncilControl(ControlKind.Party, Con)), council.Outcome);
        Assert.Equal([new SeatChange(Con, -2), new SeatChange(Lab, 2)], council.SeatChanges);
        Assert.Equal(5, council.Composition.Get(Lab.Id));
    }

    [Fact]
    public void APartyWithAMajorityOfContinuingSeatsCannotLoseControl()
    {
        var builder = Thirds(Con, [(Con, 5), (Lab, 1)], [Con, Lab, Lab]);
        var before = builder.Build();

        Assert.True(before.Councils["thirds"].ControlCannotChange);
        Assert.Equal("Conservative", before.Councils["thirds"].Control.Label);
        var after = builder.Declare("thirds", "a", 1, 900).Declare("thirds", "b", 1, 900).Declare("thirds", "c", 1, 900).Build();
        Assert.Equal(OutcomeKind.Hold, after.Councils["thirds"].Outcome!.Kind);
    }

    [Fact]
    public void ANoOverallControlCouncilNoPartyCanWinEvenWithEverySeatUpCannotChangeControl()
    {
        var state = Thirds(null, [(Con, 3), (Lab, 1), (LD, 2)], [Con, Lab, LD]).Build();

        // M = 5; Con's 3 continuing plus all 3 seats up is 6, so Con could still win: control can change.
        Assert.False(state.Councils["thirds"].ControlCannotChange);
        // 11 seats, M = 6: 2 continuing each for four parties, so 2 + 3 seats up is 5 at best.
        var stuck = new ElectionBuilder()
            .Council("stuck").Ballot("stuck", "a", 1, Con, Lab).Ballot("stuck", "b", 1, Con, Lab).Ballot("stuck", "c", 1, Con, Lab)
            .CouncilBaseline("stuck", 11, null, (Con, 2), (Lab, 2), (LD, 2), (Grn, 2))
            .Build();
        Assert.True(stuck.Councils["stuck"].ControlCannotChange);
    }

    [Fact]
    public void APartyTakingAMajorityGainsFromNoOverallControl()
    {
        var state = Thirds(null, [(Con, 3), (Lab, 3)], [Con, Lab, LD])
            .Declare("thirds", "a", 200, 100).Declare("thirds", "b", 200, 100).Declare("thirds", "c", 100, 200)
            .Build();
        var outcome = state.Councils["thirds"].Outcome!;

        Assert.Equal((OutcomeKind.Gain, Con, ControlKind.NoOverallControl), (outcome.Kind, outcome.Party, outcome.From.Kind));
        Assert.Equal(CouncilControl.NoOverallControlLabel, outcome.From.Label);
    }

    [Fact]
    public void AControllingPartyFallingShortIsALossToNoOverallControl()
    {
        var state = Thirds(Con, [(Con, 3), (Lab, 2), (LD, 1)], [Con, Con, Con])
            .Declare("thirds", "a", 200, 100).Declare("thirds", "b", 100, 200).Declare("thirds", "c", 100, 200)
            .Build();

        Assert.Equal(new CouncilOutcome(OutcomeKind.LossToNoc, Con, new CouncilControl(ControlKind.Party, Con)), state.Councils["thirds"].Outcome);
    }

    [Fact]
    public void TwoEqualLargestPartiesLeaveNoOverallControlUnchanged()
    {
        // 8 seats, M = 5: Con 4, Lab 4 after the count.
        var state = new ElectionBuilder()
            .Council("tied").Ballot("tied", "a", 1, Con, Lab).Ballot("tied", "b", 1, Con, Lab)
            .CouncilBaseline("tied", 8, null, (Con, 3), (Lab, 3))
            .Declare("tied", "a", 10, 5).Declare("tied", "b", 5, 10)
            .Build();

        Assert.Equal(new CouncilOutcome(OutcomeKind.NocUnchanged, null, CouncilControl.NoOverall), state.Councils["tied"].Outcome);
    }

    [Fact]
    public void ACouncilWithAPostponedPollDeclaresWithItsSeatsStillInTheSize()
    {
        var state = Thirds(Con, [(Con, 4), (Lab, 2)], [Con, Con, Lab])
            .Add(new BallotPostponed(BallotId("thirds", "c"), "Death of a candidate"))
            .Declare("thirds", "a", 200, 100).Declare("thirds", "b", 200, 100)
            .Build();
        var council = state.Councils["thirds"];

        Assert.True(council.Declared);
        Assert.Equal((9, 1, 1), (council.TotalSeats, council.SeatsPostponed, council.SeatsUndeclared));
        Assert.Equal("Conservative", council.Control.Label);
        Assert.Equal(OutcomeKind.Hold, council.Outcome!.Kind);
        Assert.Equal([new SeatChange(Con, 0)], council.SeatChanges);
    }

    [Fact]
    public void ACorrectionFlipsAnOutcomeAndTheScoreboardAndAnotherFlipsThemBack()
    {
        var declared = Thirds(Con, [(Con, 4), (Lab, 2)], [Con, Con, Lab])
            .Declare("thirds", "a", 200, 100).Declare("thirds", "b", 100, 200).Declare("thirds", "c", 100, 200)
            .Build();
        var ballotA = declared.Ballots[BallotId("thirds", "a")].Definition;

        var flipped = ResultsEngine.Fold(declared, [new DeclarationRecorded(ByVotes(ballotA, 100, 200) with { Reason = "Figures transposed" })]);
        var restored = ResultsEngine.Fold(flipped, [new DeclarationRecorded(ByVotes(ballotA, 200, 100) with { Reason = "Recount" })]);

        Assert.Equal(OutcomeKind.Hold, declared.Councils["thirds"].Outcome!.Kind);
        Assert.Equal((OutcomeKind.Gain, Lab), (flipped.Councils["thirds"].Outcome!.Kind, flipped.Councils["thirds"].Outcome!.Party));
        Assert.Equal(new ScoreboardLine(Lab, 1, 1, 3, 2), flipped.Scoreboard.ByParty[Lab.Id]);
        Assert.Equal(new ScoreboardLine(Con, 0, -1, 0, -2), flipped.Scoreboard.ByParty[Con.Id]);
        Assert.Equal(declared.Scoreboard with { ByParty = [] }, restored.Scoreboard with { ByParty = [] });
        Assert.Equal(declared.Scoreboard.ByParty[Con.Id], restored.Scoreboard.ByParty[Con.Id]);
        Assert.Equal(declared.Scoreboard.ByParty[Lab.Id], restored.Scoreboard.ByParty[Lab.Id]);
        Assert.Equal(OutcomeKind.Hold, restored.Councils["thirds"].Outcome!.Kind);
    }

    [Fact]
    public void WhileCountingEachPartyIsToldWhatItStillNeeds()
    {
        var state = Thirds(Con, [(Con, 3), (Lab, 3)], [Con, Con, Lab]).Declare("thirds", "a", 200, 100).Build();
        var prospects = state.Councils["thirds"].Prospects;

        Assert.Equal([new PartyProspect(Con, 4, 1, false, false), new PartyProspect(Lab, 3, 2, false, false)], prospects);
        var later = ResultsEngine.Fold(state, [new DeclarationRecorded(ByVotes(state.Ballots[BallotId("thirds", "b")].Definition, 200, 100))]);
        Assert.Equal([new PartyProspect(Con, 5, 0, true, false), new PartyProspect(Lab, 3, 2, false, true)], later.Councils["thirds"].Prospects);
        Assert.Equal("Conservative", later.Councils["thirds"].Control.Label);
        Assert.Null(later.Councils["thirds"].Outcome);
    }

    [Fact]
    public void ABallotWithoutABaselineIsNotComparableRatherThanNoChange()
    {
        var state = new ElectionBuilder()
            .Council("redrawn").Ballot("redrawn", "new-ward", 1, Con, Lab).Ballot("redrawn", "old-ward", 1, Con, Lab)
            .CouncilBaseline("redrawn", 2, Con)
            .Add(new BallotBaselineRecorded(new BallotBaseline { BallotId = BallotId("redrawn", "new-ward"), Kind = BaselineKind.NotComparable, Source = "test: new boundaries, no notional" }))
            .Defended("redrawn", "old-ward", Con)
            .Declare("redrawn", "new-ward", 10, 20).Declare("redrawn", "old-ward", 20, 10)
            .Build();
        var council = state.Councils["redrawn"];

        Assert.False(council.Comparable);
        Assert.Equal(1, council.SeatsNotComparable);
        Assert.Equal([new SeatChange(Con, 0)], council.SeatChanges);
        Assert.Equal(1, state.Scoreboard.SeatsNotComparable);
        Assert.Equal(0, state.Scoreboard.ByParty[Lab.Id].SeatsChange);
    }

    [Fact]
    public void ABaselineDefendingMoreSeatsThanAreUpIsRefused()
    {
        var builder = new ElectionBuilder().Council("x").Ballot("x", "a", 1, Con, Lab).Defended("x", "a", Con, Lab);

        var refusal = Assert.Throws<RuleViolationException>(builder.Build);

        Assert.Equal(("defended-equals-seats-up", "baseline.defended"), (refusal.Violations[0].Rule, refusal.Violations[0].Field));
    }

    [Fact]
    public void ContinuingSeatsBeyondTheCouncilsSizeAreRefused()
    {
        var builder = new ElectionBuilder().Council("x").Ballot("x", "a", 1, Con, Lab).CouncilBaseline("x", 3, Con, (Con, 2), (Lab, 1));

        var refusal = Assert.Throws<RuleViolationException>(builder.Build);

        Assert.Equal("continuing-within-size", Assert.Single(refusal.Violations).Rule);
    }
}
