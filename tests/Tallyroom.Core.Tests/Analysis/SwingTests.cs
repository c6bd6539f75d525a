using Tallyroom.Core.Analysis;
using static Tallyroom.Core.Tests.ElectionBuilder;

namespace Tallyroom.Core.Tests.Analysis;

public sealed class SwingTests
{
    [Fact]
    public void ButlerSwingIsTheMeanOfOnePartysRiseAndTheOthersFall()
    {
        // Labour 30 → 38, Conservative 40 → 35: ((38 − 30) + (40 − 35)) / 2 = 6.5 points from Conservative to Labour.
        Assert.Equal(6.5, Swings.Butler(toBefore: 30, toAfter: 38, fromBefore: 40, fromAfter: 35), 9);
        Assert.Equal(-6.5, Swings.Butler(toBefore: 40, toAfter: 35, fromBefore: 30, fromAfter: 38), 9);
    }

    [Fact]
    public void SteedSwingRecomputesTheSharesOnTheTwoPartiesOnly()
    {
        // Labour's two-party share: 30 / 70 = 42.857 → 38 / 73 = 52.055: a Steed swing of 9.198 points.
        Assert.Equal((100.0 * 38 / 73) - (100.0 * 30 / 70), Swings.Steed(toBefore: 30, toAfter: 38, fromBefore: 40, fromAfter: 35), 9);
        Assert.Equal(9.198, Swings.Steed(30, 38, 40, 35), 3);
    }

    [Fact]
    public void ButlerAndSteedCanDifferInSign()
    {
        // A falls 20 → 12 and B falls 40 → 30: B fell further (Butler +1 to A), but A's part of A + B fell
        // from 33.3% to 28.6% (Steed −4.76, a swing to B).
        var butler = Swings.Butler(toBefore: 20, toAfter: 12, fromBefore: 40, fromAfter: 30);
        var steed = Swings.Steed(toBefore: 20, toAfter: 12, fromBefore: 40, fromAfter: 30);

        Assert.Equal(1.0, butler, 9);
        Assert.Equal((100.0 * 12 / 42) - (100.0 * 20 / 60), steed, 9);
        Assert.True(butler > 0 && steed < 0);
    }

    [Fact]
    public void SteedSwingIsRefusedWhenNeitherPartyHasAVote()
    {
        Assert.Throws<ArgumentException>(() => Swings.Steed(0, 10, 0, 20));
    }

    private static ElectionBuilder FourWards() => new ElectionBuilder()
        .Council("leeds")
        .Ballot("leeds", "a", 1, Con, Lab, LD)
        .Ballot("leeds", "b", 1, Con, Lab)
        .Ballot("leeds", "c", 1, Con, Lab, Grn)
        .Ballot("leeds", "d", 1, Con, Lab)
        .Ballot("leeds", "e", 1, Con, Lab)
        .Declare("leeds", "a", 380, 420, 200) // Con 38 Lab 42
        .Declare("leeds", "b", 300, 700)      // Con 30 Lab 70
        .Declare("leeds", "c", 500, 300, 200) // Con 50 Lab 30
        .Declare("leeds", "d", 510, 490)
        .Previous("leeds", "a", (Con, 500), (Lab, 300), (LD, 200)) // Con 50 Lab 30: Butler 12 to Lab
        .Previous("leeds", "b", (Con, 600), (Lab, 400))            // Con 60 Lab 40: Butler 30 to Lab
        .Previous("leeds", "c", (Con, 800), (Grn, 200))            // Labour did not stand: left out
        .NotComparable("leeds", "d")                               // left out
        .Previous("leeds", "e", (Con, 900), (Lab, 100));           // not declared: left out

    [Fact]
    public void AWardSwingNeedsBothPartiesInBothYearsOnComparableBoundaries()
    {
        var state = FourWards().Build();

        var a = Swings.Ward(state.Ballots[BallotId("leeds", "a")], Lab, Con)!;

        Assert.Equal(((42.0 - 30.0) + (50.0 - 38.0)) / 2, a.Butler, 9);
        Assert.Equal((100.0 * 42 / 80) - (100.0 * 30 / 80), a.Steed, 9);
        Assert.Equal((30.0, 42.0, 50.0, 38.0), (a.ToBefore, a.ToAfter, a.FromBefore, a.FromAfter));
        Assert.Null(Swings.Ward(state.Ballots[BallotId("leeds", "c")], Lab, Con));
        Assert.Null(Swings.Ward(state.Ballots[BallotId("leeds", "d")], Lab, Con));
        Assert.Null(Swings.Ward(state.Ballots[BallotId("leeds", "e")], Lab, Con));
    }

    [Fact]
    public void ACouncilsSwingIsGivenFromAggregateSharesAndAsTheMeanAndMedianOfWardSwingsEachLabelled()
    {
        var state = FourWards().Build();

        var swing = Swings.Council(state, state.Councils["leeds"], Lab, Con);

        Assert.Equal(["local.leeds.a.2018-05-03", "local.leeds.b.2018-05-03"], swing.ByWard.Select(w => w.BallotId));
        Assert.Equal(2, swing.WardsLeftOut); // c and d are declared but do not count; e is not declared
        // Aggregate over a and b: Con 1100/2000 → 680/2000 (55 → 34), Lab 700/2000 → 1120/2000 (35 → 56): Butler 21.
        Assert.Equal(21.0, swing.Figure(SwingMeasure.Butler, SwingAggregation.AggregateShares).Points!.Value, 9);
        Assert.Equal((12.0 + 30.0) / 2, swing.Figure(SwingMeasure.Butler, SwingAggregation.MeanOfWards).Points!.Value, 9);
        Assert.Equal((12.0 + 30.0) / 2, swing.Figure(SwingMeasure.Butler, SwingAggregation.MedianOfWards).Points!.Value, 9);
        Assert.Equal((100.0 * 1120 / 1800) - (100.0 * 700 / 1800), swing.Figure(SwingMeasure.Steed, SwingAggregation.AggregateShares).Points!.Value, 9);
        Assert.Equal((15.0 + 30.0) / 2, swing.Figure(SwingMeasure.Steed, SwingAggregation.MeanOfWards).Points!.Value, 9);
        Assert.All(swing.Figures, f => Assert.Equal((2, ShareMethod.TopVote), (f.Wards, f.Method)));
        Assert.Equal("Butler swing from Conservative to Labour, from aggregate top vote shares over 2 wards", swing.Figures[0].Label);
        Assert.Equal("Steed swing from Conservative to Labour, median of 2 ward swings, top vote shares", swing.Figures[5].Label);
    }

    [Fact]
    public void TheMedianOfAnOddNumberOfWardSwingsIsTheMiddleOne()
    {
        var state = FourWards()
            .Ballot("leeds", "f", 1, Con, Lab)
            .Declare("leeds", "f", 450, 550)
            .Previous("leeds", "f", (Con, 500), (Lab, 500)) // Butler 5 to Lab
            .Build();

        var swing = Swings.Council(state, state.Councils["leeds"], Lab, Con);

        Assert.Equal(12.0, swing.Figure(SwingMeasure.Butler, SwingAggregation.MedianOfWards).Points!.Value, 9); // of 12, 30 and 5
        Assert.Equal((12.0 + 30.0 + 5.0) / 3, swing.Figure(SwingMeasure.Butler, SwingAggregation.MeanOfWards).Points!.Value, 9);
    }

    [Fact]
    public void WithNoQualifyingWardEveryFigureIsNullNotZero()
    {
        var state = FourWards().Build();

        var swing = Swings.Council(state, state.Councils["leeds"], Core.Parties.PartyCatalog.Ukip, Con);

        Assert.Empty(swing.ByWard);
        Assert.All(swing.Figures, f => Assert.Null(f.Points));
    }
}
