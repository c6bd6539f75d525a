using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using static Tallyroom.Core.Tests.ElectionBuilder;

namespace Tallyroom.Core.Tests.Counting;

public sealed class ElectionStateTests
{
    private static ElectionBuilder ThreeWardCouncil() => new ElectionBuilder()
        .Council("trafford")
        .Ballot("trafford", "altrincham", 1, Con, Lab, LD)
        .Ballot("trafford", "bowdon", 1, Con, Lab, LD)
        .Ballot("trafford", "sale-moor", 1, Con, Lab, LD);

    [Fact]
    public void ACouncilIsDeclaredOnlyWhenEveryBallotIsIn()
    {
        var partly = ThreeWardCouncil().Declare("trafford", "altrincham", 900, 500, 100).Declare("trafford", "bowdon", 800, 700, 50).Build();
        var fully = ThreeWardCouncil().Declare("trafford", "altrincham", 900, 500, 100).Declare("trafford", "bowdon", 800, 700, 50).Declare("trafford", "sale-moor", 300, 900, 100).Build();

        Assert.False(partly.Councils["trafford"].Declared);
        Assert.Equal(0, partly.Scoreboard.CouncilsDeclared);
        Assert.True(fully.Councils["trafford"].Declared);
        Assert.Equal(1, fully.Scoreboard.CouncilsDeclared);
    }

    [Fact]
    public void APartyHasWonControlOnceItReachesTheMajorityEvenWhileCounting()
    {
        var state = ThreeWardCouncil().Declare("trafford", "altrincham", 900, 500, 100).Declare("trafford", "bowdon", 800, 700, 50).Build();
        var council = state.Councils["trafford"];

        Assert.Equal(2, council.Majority);
        Assert.Equal(ControlKind.Party, council.Control.Kind);
        Assert.Equal("Conservative", council.Control.Label);
    }

    [Fact]
    public void ControlIsUndecidedWhileAPartyCanStillReachTheMajority()
    {
        var state = ThreeWardCouncil().Declare("trafford", "altrincham", 900, 500, 100).Build();

        Assert.Equal(ControlKind.Undecided, state.Councils["trafford"].Control.Kind);
        Assert.Null(state.Councils["trafford"].Control.Label);
    }

    [Fact]
    public void ACouncilWhereNoPartyCanReachTheMajorityIsCertainToBeNoOverallControlBeforeItFinishes()
    {
        var state = new ElectionBuilder()
            .Council("hung")
            .Ballot("hung", "a", 2, Con, Con, Lab, Lab, LD, LD)
            .Ballot("hung", "b", 2, Con, Con, Lab, Lab, LD, LD)
            .Ballot("hung", "c", 2, Con, Con, Lab, Lab, LD, LD)
            .Ballot("hung", "d", 1, Con, Lab, LD)
            .Declare("hung", "a", 900, 100, 800, 100, 50, 50)
            .Declare("hung", "b", 100, 100, 50, 60, 900, 800)
            .Declare("hung", "c", 900, 100, 800, 100, 50, 50)
            .Build();
        var council = state.Councils["hung"];

        // T = 7, M = 4; Con 2, Lab 2, LD 2 and one seat left: nobody can reach 4.
        Assert.False(council.Declared);
        Assert.Equal(CouncilControl.NoOverallControlLabel, council.Control.Label);
    }

    [Fact]
    public void TwoEqualLargestPartiesMeanNoOverallControl()
    {
        var state = new ElectionBuilder()
            .Council("even")
            .Ballot("even", "a", 1, Con, Lab)
            .Ballot("even", "b", 1, Con, Lab)
            .Declare("even", "a", 10, 5)
            .Declare("even", "b", 5, 10)
            .Build();

        Assert.Equal(ControlKind.NoOverallControl, state.Councils["even"].Control.Kind);
        Assert.Equal(1, state.Scoreboard.NoOverallControl);
    }

    [Fact]
    public void APostponedPollLeavesItsSeatsUndeclaredButLetsTheCouncilDeclare()
    {
        var state = ThreeWardCouncil()
            .Declare("trafford", "altrincham", 900, 500, 100)
            .Declare("trafford", "bowdon", 300, 700, 50)
            .Add(new BallotPostponed(BallotId("trafford", "sale-moor"), "Death of a candidate"))
            .Build();
        var council = state.Councils["trafford"];

        Assert.True(council.Declared);
        Assert.Equal((3, 2, 1, 1), (council.SeatsUp, council.SeatsDeclared, council.SeatsPostponed, council.SeatsUndeclared));
        Assert.Equal(3, council.TotalSeats);
        Assert.Equal(ControlKind.NoOverallControl, council.Control.Kind);
        Assert.Equal(BallotStatus.Postponed, state.Ballots[BallotId("trafford", "sale-moor")].Status);
    }

    [Fact]
    public void DeclaringAPostponedPollIsRefused()
    {
        var builder = ThreeWardCouncil().Add(new BallotPostponed(BallotId("trafford", "sale-moor"), "Death of a candidate")).Declare("trafford", "sale-moor", 1, 2, 3);

        var refusal = Assert.Throws<RuleViolationException>(builder.Build);

        Assert.Equal("ballot-not-postponed", Assert.Single(refusal.Violations).Rule);
        Assert.Equal(builder.Events.Count - 1, refusal.EventIndex);
    }

    [Fact]
    public void ACorrectionThatFlipsAWardMovesControlAndTheScoreboardAndBackAgain()
    {
        var declared = ThreeWardCouncil()
            .Declare("trafford", "altrincham", 900, 500, 100)
            .Declare("trafford", "bowdon", 300, 700, 50)
            .Declare("trafford", "sale-moor", 300, 900, 100)
            .Build();
        var bowdon = declared.Ballots[BallotId("trafford", "bowdon")].Definition;

        var flipped = ResultsEngine.Fold(declared, [new DeclarationRecorded(ByVotes(bowdon, 700, 300, 50) with { Reason = "Con and Lab figures transposed" })]);
        var restored = ResultsEngine.Fold(flipped, [new DeclarationRecorded(ByVotes(bowdon, 300, 700, 50) with { Reason = "Recount confirmed the first figures" })]);

        Assert.Equal("Labour", declared.Councils["trafford"].Control.Label);
        Assert.Equal("Conservative", flipped.Councils["trafford"].Control.Label);
        Assert.Equal((1, 2), (flipped.Scoreboard.ByParty["PP52"].Councils, flipped.Scoreboard.ByParty["PP52"].Seats));
        Assert.False(flipped.Scoreboard.ByParty["PP53"].Councils > 0);
        Assert.Equal("Labour", restored.Councils["trafford"].Control.Label);
        Assert.Equal(declared.Scoreboard.ByParty["PP53"], restored.Scoreboard.ByParty["PP53"]);
        Assert.Equal(2, restored.Ballots[bowdon.Id].Corrections);
        Assert.Equal(1, restored.Scoreboard.CouncilsDeclared);
    }

    [Fact]
    public void DeclaringAnUnknownBallotIsRefused()
    {
        var ballot = Define("nowhere", "ward", 1, Con);

        var refusal = Assert.Throws<RuleViolationException>(() => ResultsEngine.Fold(ElectionState.Empty, [new DeclarationRecorded(ByVotes(ballot, 1))]));

        Assert.Equal(("ballot-known", "ballotId"), (refusal.Violations[0].Rule, refusal.Violations[0].Field));
    }

    [Fact]
    public void ABallotInAnUndefinedCouncilIsRefused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => new ElectionBuilder().Ballot("ghost", "ward", 1, Con).Build());

        Assert.Equal("council-known", Assert.Single(refusal.Violations).Rule);
    }

    [Fact]
    public void DefiningTheSameBallotTwiceIsRefused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => ThreeWardCouncil().Ballot("trafford", "bowdon", 1, Con).Build());

        Assert.Equal("ballot-unique", Assert.Single(refusal.Violations).Rule);
    }

    [Fact]
    public void TheScoreboardCountsSeatsOnlyInFullyDeclaredCouncils()
    {
        var state = ThreeWardCouncil()
            .Council("bromley")
            .Ballot("bromley", "bickley", 3, Con, Con, Con, Lab, Lab, Lab)
            .Declare("bromley", "bickley", 3000, 2900, 2800, 900, 800, 700)
            .Declare("trafford", "altrincham", 900, 500, 100)
            .Build();

        Assert.Equal((2, 1, 0), (state.Scoreboard.CouncilsTotal, state.Scoreboard.CouncilsDeclared, state.Scoreboard.NoOverallControl));
        var line = Assert.Single(state.Scoreboard.Ranked());
        Assert.Equal((Con, 1, 3), (line.Party, line.Councils, line.Seats));
    }

    [Fact]
    public void TheIncrementalScoreboardEqualsARecountAfterEveryDeclarationInAnyOrder()
    {
        var random = new Random(2018);
        var parties = new[] { Con, Lab, LD, Grn };
        var builder = new ElectionBuilder();
        var ballots = new List<Elections.BallotDefinition>();
        for (var c = 0; c < 12; c++)
        {
            builder.Council($"council-{c}");
            for (var w = 0; w < 1 + random.Next(8); w++)
            {
                var seats = 1 + random.Next(3);
                var candidates = Enumerable.Range(0, seats * 3).Select(_ => parties[random.Next(parties.Length)]).ToArray();
                var ballot = Define($"council-{c}", $"ward-{w}", seats, candidates);
                ballots.Add(ballot);
                builder.Add(new BallotDefined(ballot));
            }
        }

        var state = builder.Build();
        foreach (var ballot in ballots.OrderBy(_ => random.Next()))
        {
            var votes = ballot.Candidates.Select((_, i) => (random.Next(1, 500) * 10) + i).ToArray(); // distinct: no ties
            state = ResultsEngine.Fold(state, [new DeclarationRecorded(ByVotes(ballot, votes))]);
            AssertScoreboardMatchesRecount(state);
        }

        Assert.Equal(12, state.Scoreboard.CouncilsDeclared);
    }

    private static void AssertScoreboardMatchesRecount(ElectionState state)
    {
        var declared = state.Councils.Values.Where(c => c.BallotIds.All(id => state.Ballots[id].HasResult)).ToList();
        var seats = declared.SelectMany(c => c.BallotIds).SelectMany(id => state.Ballots[id].Declaration!.Results.Where(r => r.Elected)
            .Select(r => state.Ballots[id].Definition.FindCandidate(r.CandidateId)!.Party.Id))
            .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(declared.Count, state.Scoreboard.CouncilsDeclared);
        Assert.Equal(seats.OrderBy(kv => kv.Key), state.Scoreboard.ByParty.Where(kv => kv.Value.Seats > 0).Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Seats)).OrderBy(kv => kv.Key));
        Assert.Equal(declared.Count, state.Scoreboard.NoOverallControl + state.Scoreboard.ByParty.Values.Sum(l => l.Councils));
    }
}
