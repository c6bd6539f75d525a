using Tallyroom.Core.Analysis;
using Tallyroom.Core.Counting;
using static Tallyroom.Core.Tests.Analysis.AnalysisElection;
using static Tallyroom.Core.Tests.ElectionBuilder;

namespace Tallyroom.Core.Tests.Analysis;

public sealed class CouncilProjectionTests
{
    /// <summary>Three single-member wards declared in Leeds, each Con 60 / Lab 40 last time and Con 45 / Lab 55 now.</summary>
    private static ElectionBuilder ThreeDeclared(ElectionBuilder? builder = null)
    {
        builder ??= new ElectionBuilder().Council("leeds");
        foreach (var ward in new[] { "a", "b", "c" })
        {
            builder.Ballot("leeds", ward, 1, Con, Lab).Previous("leeds", ward, (Con, 600), (Lab, 400)).Declare("leeds", ward, 450, 550);
        }

        return builder;
    }

    /// <summary>Three single-member wards declared in Leeds: Lab +4 (Con 60 → 56), +10 (65 → 55), +16 (60 → 44); Con the reverse.</summary>
    private static ElectionBuilder SpreadDeclared() => new ElectionBuilder().Council("leeds")
            .Ballot("leeds", "a", 1, Con, Lab).Previous("leeds", "a", (Con, 600), (Lab, 400)).Declare("leeds", "a", 560, 440)
            .Ballot("leeds", "b", 1, Con, Lab).Previous("leeds", "b", (Con, 650), (Lab, 350)).Declare("leeds", "b", 550, 450)
            .Ballot("leeds", "c", 1, Con, Lab).Previous("leeds", "c", (Con, 600), (Lab, 400)).Declare("leeds", "c", 440, 560);

    private static (int Settled, int Low, int Seats, int High) Line(CouncilProjection projection, string party)
    {
        var line = projection.Parties.Single(p => p.Party.Name == party);
        return (line.Settled, line.Low, line.Seats, line.High);
    }

    [Fact]
    public void TheCouncilsOwnChangeIsAddedToLastTimesSharesInEachUndeclaredWard()
    {
        // Change: Con 45 − 60 = −15, Lab 55 − 40 = +15 in every declared ward. Ward d (Con 60/Lab 40) becomes 45/55:
        // Labour; ward e (Con 70/Lab 30) becomes 55/45: Conservative.
        var state = ThreeDeclared()
            .Ballot("leeds", "d", 1, Con, Lab).Previous("leeds", "d", (Con, 600), (Lab, 400))
            .Ballot("leeds", "e", 1, Con, Lab).Previous("leeds", "e", (Con, 700), (Lab, 300))
            .CouncilBaseline("leeds", 9, Con, (Con, 4))
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["leeds"])!;

        Assert.Equal(ProjectionBasis.Council, projection.Basis);
        var labour = projection.Swings.Single(s => s.Party.Name == "Labour");
        Assert.Equal((SwingSource.Council, 3, 15.0, 0.0), (labour.Source, labour.Wards, Math.Round(labour.Change, 9), labour.Spread));
        Assert.Equal((3, 4, 4, 4), Line(projection, "Labour")); // every ward moved alike: no spread, no range
        Assert.Equal((4, 5, 5, 5), Line(projection, "Conservative"));
        Assert.Equal(2, projection.SeatsProjected);
    }

    [Fact]
    public void ProjectedSeatsExactlyAtTheMajorityGiveControl()
    {
        // Size 9, so M = 5: Con 4 continuing + ward e = 5, a majority on the projection though not yet won.
        var state = ThreeDeclared()
            .Ballot("leeds", "d", 1, Con, Lab).Previous("leeds", "d", (Con, 600), (Lab, 400))
            .Ballot("leeds", "e", 1, Con, Lab).Previous("leeds", "e", (Con, 700), (Lab, 300))
            .CouncilBaseline("leeds", 9, Con, (Con, 4))
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["leeds"])!;

        Assert.Equal(ControlKind.Undecided, state.Councils["leeds"].Control.Kind);
        Assert.Equal((5, "Conservative", ControlCertainty.Projected), (projection.Majority, projection.Control.Party?.Name, projection.Certainty));
    }

    [Fact]
    public void TwoEqualLargestProjectedPartiesGiveNoOverallControl()
    {
        // All out, 10 seats, M = 6: Lab 3 declared + wards d and e = 5; Con wins wards f to j (70/30 → 55/45) = 5.
        var builder = ThreeDeclared()
            .Ballot("leeds", "d", 1, Con, Lab).Previous("leeds", "d", (Con, 600), (Lab, 400))
            .Ballot("leeds", "e", 1, Con, Lab).Previous("leeds", "e", (Con, 600), (Lab, 400));
        foreach (var ward in new[] { "f", "g", "h", "i", "j" })
        {
            builder.Ballot("leeds", ward, 1, Con, Lab).Previous("leeds", ward, (Con, 700), (Lab, 300));
        }

        var state = builder.Build();

        var projection = CouncilProjection.Of(state, state.Councils["leeds"])!;

        Assert.Equal((5, 5), (Line(projection, "Labour").Seats, Line(projection, "Conservative").Seats));
        Assert.Equal((6, ControlKind.NoOverallControl, ControlCertainty.Projected), (projection.Majority, projection.Control.Kind, projection.Certainty));
    }

    [Fact]
    public void AMultiMemberWardIsCountedCandidateByCandidate()
    {
        // Change: Con −10, Lab +10 (65/35 then, 55/45 now). Ward d, 3 seats, shares of the top-vote total 1880:
        // Con 53.19, 50.53, 47.87 → 43.19, 40.53, 37.87; Lab 46.81, 37.23, 26.60 → 56.81, 47.23, 36.60.
        // The top three: Lab 56.81, Lab 47.23, Con 43.19.
        var builder = new ElectionBuilder().Council("leeds");
        foreach (var ward in new[] { "a", "b", "c" })
        {
            builder.Ballot("leeds", ward, 1, Con, Lab).Previous("leeds", ward, (Con, 650), (Lab, 350)).Declare("leeds", ward, 550, 450);
        }

        var state = builder
            .Ballot("leeds", "d", 3, Con, Con, Con, Lab, Lab, Lab)
            .Previous("leeds", "d", (Con, 1000), (Con, 950), (Con, 900), (Lab, 880), (Lab, 700), (Lab, 500))
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["leeds"])!;

        Assert.Equal((0, 2, 2, 2), Line(projection, "Labour"));
        Assert.Equal((3, 4, 4, 4), Line(projection, "Conservative"));
    }

    [Fact]
    public void APartyStandingMoreCandidatesThanLastTimeRepeatsItsWeakestShare()
    {
        // Change Con −10, Lab +10. Ward d, 2 seats: Con 60 and Lab 40 last time with one candidate each; Labour stands
        // two now, both from its 40: Con 50, Lab 50, Lab 50. Ties go by last time's order: the Conservative and the
        // Labour candidate who stood then win.
        var builder = new ElectionBuilder().Council("leeds");
        foreach (var ward in new[] { "a", "b", "c" })
        {
            builder.Ballot("leeds", ward, 1, Con, Lab).Previous("leeds", ward, (Con, 650), (Lab, 350)).Declare("leeds", ward, 550, 450);
        }

        var state = builder
            .Ballot("leeds", "d", 2, Con, Lab, Lab)
            .Previous("leeds", "d", (Con, 600), (Lab, 400))
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["leeds"])!;

        Assert.Equal(1, Line(projection, "Labour").Seats);
        Assert.Equal(4, Line(projection, "Conservative").Seats);
    }

    [Fact]
    public void ATieForTheLastSeatGoesToTheCandidatePlacedHigherLastTime()
    {
        // Change Con −5, Lab +5 (60/40 then, 55/45 now). Ward d: Con 55 / Lab 45 then, so 50 / 50: the Conservative,
        // first last time, keeps it.
        var builder = new ElectionBuilder().Council("leeds");
        foreach (var ward in new[] { "a", "b", "c" })
        {
            builder.Ballot("leeds", ward, 1, Con, Lab).Previous("leeds", ward, (Con, 600), (Lab, 400)).Declare("leeds", ward, 550, 450);
        }

        var state = builder
            .Ballot("leeds", "d", 1, Lab, Con)
            .Previous("leeds", "d", (Lab, 450), (Con, 550))
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["leeds"])!;

        Assert.Equal(4, Line(projection, "Conservative").Seats);
        Assert.DoesNotContain(projection.Parties, p => p.Party.Name == "Labour");
    }

    [Fact]
    public void APartyThatDidNotStandBeforeTakesItsShareWhereItStoodForTheFirstTime()
    {
        // Declared: Con 60 → 35, Lab 40 → 25, Green new at 40. Ward d: Con 55 → 30, Lab 45 → 30, Green 40: Green.
        var builder = new ElectionBuilder().Council("leeds");
        foreach (var ward in new[] { "a", "b", "c" })
        {
            builder.Ballot("leeds", ward, 1, Con, Lab, Grn).Previous("leeds", ward, (Con, 600), (Lab, 400)).Declare("leeds", ward, 350, 250, 400);
        }

        var state = builder
            .Ballot("leeds", "d", 1, Con, Lab, Grn)
            .Previous("leeds", "d", (Con, 550), (Lab, 450))
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["leeds"])!;

        var green = projection.Swings.Single(s => s.Party.Name == "Green");
        Assert.Equal((SwingSource.None, SwingSource.Council, 40.0), (green.Source, green.NewShareSource, Math.Round(green.NewShare!.Value, 9)));
        Assert.Equal((3, 4, 4, 4), Line(projection, "Green"));
    }

    [Fact]
    public void ACouncilWithFewerThanTheMinimumWardsTakesTheNationsChange()
    {
        // York has two declared wards (Lab +15 each); Leeds three (Lab +15 each) and Hart one (Lab −15): the nation's
        // Labour change is (5 × 15 − 15) / 6 = 10. York's ward d, Con 56 / Lab 44, goes Labour at +10 (46/54).
        var state = ThreeDeclared()
            .Council("york")
            .Ballot("york", "a", 1, Con, Lab).Previous("york", "a", (Con, 600), (Lab, 400)).Declare("york", "a", 450, 550)
            .Ballot("york", "b", 1, Con, Lab).Previous("york", "b", (Con, 600), (Lab, 400)).Declare("york", "b", 450, 550)
            .Ballot("york", "d", 1, Con, Lab).Previous("york", "d", (Con, 560), (Lab, 440))
            .Council("hart")
            .Ballot("hart", "a", 1, Con, Lab).Previous("hart", "a", (Con, 300), (Lab, 700)).Declare("hart", "a", 450, 550)
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["york"])!;

        Assert.Equal((ProjectionBasis.Nation, 2, 6), (projection.Basis, projection.WardsDeclared, projection.NationalWards));
        var labour = projection.Swings.Single(s => s.Party.Name == "Labour");
        Assert.Equal((SwingSource.Nation, 6, 10.0), (labour.Source, labour.Wards, Math.Round(labour.Change, 9)));
        Assert.Equal(3, Line(projection, "Labour").Seats);
    }

    [Fact]
    public void ACouncilWithFewerThanTheMinimumWardsTakesItsRegionsChange()
    {
        // York has two declared wards and Leeds three, all Lab +15 / Con −15, both in Yorkshire and The Humber: the
        // region's change is Lab +15 over five wards. Hart, in the South East, has three wards at Lab −15 / Con +15, so
        // the nation's is Lab (5 × 15 − 3 × 15) / 8 = +3.75. York's ward d, Con 56 / Lab 44, goes Labour at the
        // region's +15 (41/59); at the nation's it would stay Conservative (52.25/47.75).
        const string Yorkshire = "Yorkshire and The Humber";
        var state = ThreeDeclared(new ElectionBuilder().Council("leeds", region: Yorkshire))
            .Council("york", region: Yorkshire)
            .Ballot("york", "a", 1, Con, Lab).Previous("york", "a", (Con, 600), (Lab, 400)).Declare("york", "a", 450, 550)
            .Ballot("york", "b", 1, Con, Lab).Previous("york", "b", (Con, 600), (Lab, 400)).Declare("york", "b", 450, 550)
            .Ballot("york", "d", 1, Con, Lab).Previous("york", "d", (Con, 560), (Lab, 440))
            .Council("hart", region: "South East")
            .Ballot("hart", "a", 1, Con, Lab).Previous("hart", "a", (Con, 300), (Lab, 700)).Declare("hart", "a", 450, 550)
            .Ballot("hart", "b", 1, Con, Lab).Previous("hart", "b", (Con, 300), (Lab, 700)).Declare("hart", "b", 450, 550)
            .Ballot("hart", "c", 1, Con, Lab).Previous("hart", "c", (Con, 300), (Lab, 700)).Declare("hart", "c", 450, 550)
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["york"])!;

        Assert.Equal((ProjectionBasis.Region, "region: Yorkshire and The Humber", 2, 5, 8), (projection.Basis, projection.BasisName, projection.WardsDeclared, projection.RegionalWards, projection.NationalWards));
        var labour = projection.Swings.Single(s => s.Party.Name == "Labour");
        var conservative = projection.Swings.Single(s => s.Party.Name == "Conservative");
        Assert.Equal((SwingSource.Region, 5, 15.0), (labour.Source, labour.Wards, Math.Round(labour.Change, 9)));
        Assert.Equal((SwingSource.Region, 5, -15.0), (conservative.Source, conservative.Wards, Math.Round(conservative.Change, 9)));
        Assert.Equal((2, 3, 3, 3), Line(projection, "Labour"));
        Assert.Contains("too few wards here, so changes from 5 declared wards in the Yorkshire and The Humber region;", projection.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void ARegionWithFewerThanTheMinimumWardsFallsBackToTheNation()
    {
        // York and Durham, the North East, have one declared ward each (Lab +15): two, fewer than three. Leeds
        // (Yorkshire and The Humber) has three at Lab +15, Hart (South East) one at Lab −15: the nation's Labour change
        // is (5 × 15 − 15) / 6 = +10, which turns York's ward d, Con 56 / Lab 44, Labour (46/54).
        var state = ThreeDeclared(new ElectionBuilder().Council("leeds", region: "Yorkshire and The Humber"))
            .Council("york", region: "North East")
            .Ballot("york", "a", 1, Con, Lab).Previous("york", "a", (Con, 600), (Lab, 400)).Declare("york", "a", 450, 550)
            .Ballot("york", "d", 1, Con, Lab).Previous("york", "d", (Con, 560), (Lab, 440))
            .Council("durham", region: "North East")
            .Ballot("durham", "a", 1, Con, Lab).Previous("durham", "a", (Con, 600), (Lab, 400)).Declare("durham", "a", 450, 550)
            .Council("hart", region: "South East")
            .Ballot("hart", "a", 1, Con, Lab).Previous("hart", "a", (Con, 300), (Lab, 700)).Declare("hart", "a", 450, 550)
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["york"])!;

        Assert.Equal((ProjectionBasis.Nation, "nation", "North East", 2, 6), (projection.Basis, projection.BasisName, projection.Region, projection.RegionalWards, projection.NationalWards));
        var labour = projection.Swings.Single(s => s.Party.Name == "Labour");
        Assert.Equal((SwingSource.Nation, 6, 10.0), (labour.Source, labour.Wards, Math.Round(labour.Change, 9)));
        // The nation's wards disagree (sd √150 ≈ 12.2), so the low end, +10 − 1.2816 × 12.2 × √(1/6 + 1), loses ward d.
        Assert.Equal((1, 1, 2, 2), Line(projection, "Labour"));
        Assert.Contains("too few wards here and in the region, so changes from 6 declared wards nationally;", projection.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void ACouncilWithNoRegionGoesStraightToTheNation()
    {
        // York has no region; Leeds, with three declared wards at Lab +15, is in Yorkshire and The Humber, so a region
        // exists but is not York's. The nation: Leeds three and York two at +15, Hart one at −15: +10.
        var state = ThreeDeclared(new ElectionBuilder().Council("leeds", region: "Yorkshire and The Humber"))
            .Council("york")
            .Ballot("york", "a", 1, Con, Lab).Previous("york", "a", (Con, 600), (Lab, 400)).Declare("york", "a", 450, 550)
            .Ballot("york", "b", 1, Con, Lab).Previous("york", "b", (Con, 600), (Lab, 400)).Declare("york", "b", 450, 550)
            .Ballot("york", "d", 1, Con, Lab).Previous("york", "d", (Con, 560), (Lab, 440))
            .Council("hart")
            .Ballot("hart", "a", 1, Con, Lab).Previous("hart", "a", (Con, 300), (Lab, 700)).Declare("hart", "a", 450, 550)
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["york"])!;

        Assert.Equal((ProjectionBasis.Nation, "nation", null, 0, 6), (projection.Basis, projection.BasisName, projection.Region, projection.RegionalWards, projection.NationalWards));
        var labour = projection.Swings.Single(s => s.Party.Name == "Labour");
        Assert.Equal((SwingSource.Nation, 6, 10.0), (labour.Source, labour.Wards, Math.Round(labour.Change, 9)));
        Assert.Contains("too few wards here, so changes from 6 declared wards nationally;", projection.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void ExactlyTheMinimumWardsIsEnoughForTheCouncilsOwnChange()
    {
        // As above, with a minimum of 2: York's own +15 now applies (41/59), still Labour, from York's two wards.
        var state = ThreeDeclared()
            .Council("york")
            .Ballot("york", "a", 1, Con, Lab).Previous("york", "a", (Con, 600), (Lab, 400)).Declare("york", "a", 450, 550)
            .Ballot("york", "b", 1, Con, Lab).Previous("york", "b", (Con, 600), (Lab, 400)).Declare("york", "b", 450, 550)
            .Ballot("york", "d", 1, Con, Lab).Previous("york", "d", (Con, 560), (Lab, 440))
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["york"], new ProjectionOptions { MinimumWards = 2 })!;

        var labour = projection.Swings.Single(s => s.Party.Name == "Labour");
        Assert.Equal((ProjectionBasis.Council, SwingSource.Council, 2, 15.0), (projection.Basis, labour.Source, labour.Wards, Math.Round(labour.Change, 9)));
    }

    [Fact]
    public void TheRangeRunsFromTheTenthToTheNinetiethPercentileOfEachPartysSeats()
    {
        // Declared: Lab +4, +10, +16 (mean +10), Con the reverse (mean −10): sd 6 for both, n = 3, so τ = 6/√3 = 3.4641.
        // Settled: Lab 1 (ward c), Con 2 (a, b). To come, projected: d Con 46 / Lab 54; e 52 / 48; f 60 / 40; g (3 seats,
        // top vote over 520 + 420 = 940) Con 45.319, 40.000, 38.936 / Lab 54.681, 50.426, 41.915. Point: Lab 1 + d + 2 in
        // g = 4, Con 2 + e + f + 1 in g = 5.
        // Thresholds b_i = o_(S−i+1) − a_i: Lab d −8, e 4, f 20, g −15.745, −10.426, 3.404; Con d 8, e −4, f −20,
        // g −3.404, 10.426, 15.745. Summed over wards at the five Gauss–Hermite nodes u = 0, ±4.696, ±9.897, with
        // Φ from math.erf, Lab's seats have (M, V) = (4.402, 0.554), (5.113, 0.527), (3.669, 0.618), (5.742, 0.303),
        // (2.770, 0.838) and F(2) = 0.0224, F(3) = 0.1642, F(5) = 0.8869, F(6) = 0.9915: Low 3, High 6. Con's are
        // (4.599, 0.554), (5.331, 0.618), (3.887, 0.527), (6.230, 0.838), (3.258, 0.303) and F(2) = 0.0085,
        // F(3) = 0.1131, F(5) = 0.8358, F(6) = 0.9776: Low 3, High 6.
        var state = SpreadDeclared()
            .Ballot("leeds", "d", 1, Con, Lab).Previous("leeds", "d", (Con, 560), (Lab, 440))
            .Ballot("leeds", "e", 1, Con, Lab).Previous("leeds", "e", (Con, 620), (Lab, 380))
            .Ballot("leeds", "f", 1, Con, Lab).Previous("leeds", "f", (Con, 700), (Lab, 300))
            .Ballot("leeds", "g", 3, Con, Con, Con, Lab, Lab, Lab)
            .Previous("leeds", "g", (Con, 520), (Con, 470), (Con, 460), (Lab, 420), (Lab, 380), (Lab, 300))
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["leeds"])!;

        var labour = projection.Swings.Single(s => s.Party.Name == "Labour");
        Assert.Equal((6.0, 3.464101615), (Math.Round(labour.Spread, 9), Math.Round(labour.MeanError, 9)));
        Assert.Equal((1, 3, 4, 6), Line(projection, "Labour"));
        Assert.Equal((2, 3, 5, 6), Line(projection, "Conservative"));
    }

    [Fact]
    public void ARangeAlwaysHoldsThePointProjectionWhenManyCloseWardsLeanOneWay()
    {
        // Declared as above: Lab +4, +10, +16, Con the reverse; sd 6, τ = 6/√3. Ten wards to come, each Con 61 / Lab 39
        // last time, so Con 51 / Lab 49 projected: the point gives all ten to Con (Lab threshold b = 2, Con's −2).
        // Per ward q = Φ((u − b)/6); over ten wards M = 10q, V = 10q(1 − q). From math.erf, Lab's F(0) = 0.0668,
        // F(1) = 0.1771, F(6) = 0.8462, F(7) = 0.9186: percentiles 1 and 7 seats of the ten, but the point (0) lies
        // below, so Low is the point: 1 settled + 0, High 1 + 7. Con's F(2) = 0.0814, F(3) = 0.1538, F(8) = 0.8229,
        // F(9) = 0.9332: percentiles 3 and 9, the point (10) above, so High is the point: 2 + 3 = 5, 2 + 10 = 12.
        var builder = SpreadDeclared();
        foreach (var ward in new[] { "d", "e", "f", "g", "h", "i", "j", "k", "l", "m" })
        {
            builder.Ballot("leeds", ward, 1, Con, Lab).Previous("leeds", ward, (Con, 610), (Lab, 390));
        }

        var state = builder.Build();

        var projection = CouncilProjection.Of(state, state.Councils["leeds"])!;

        Assert.Equal((1, 1, 1, 8), Line(projection, "Labour"));
        Assert.Equal((2, 5, 12, 12), Line(projection, "Conservative"));
    }

    [Fact]
    public void OneCloseWardToComeGivesEachPartyARangeOverBothOutcomes()
    {
        // As above with only ward d to come (Con 46 / Lab 54; Lab's threshold −8, Con's 8). Lab: q = Φ((u + 8)/6) at
        // u = 0, +4.696, −4.696, +9.897, −9.897 is 0.9088, 0.9828, 0.7091, 0.9986, 0.3759; M = 1 + q, V = q(1 − q), so
        // F(1) = Σ w Φ((1.5 − M)/√V) = 0.1199 and F(2) = 0.9801: Low 1, High 2. Con: q = Φ((u − 8)/6) = 0.0912, 0.2909,
        // 0.0172, 0.6241, 0.0014; F(2) = 0.8801 and F(3) = 0.9987: Low 2, High 3, the most it could win.
        var state = SpreadDeclared()
            .Ballot("leeds", "d", 1, Con, Lab).Previous("leeds", "d", (Con, 560), (Lab, 440))
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["leeds"])!;

        Assert.Equal((1, 1, 2, 2), Line(projection, "Labour"));
        Assert.Equal((2, 2, 2, 3), Line(projection, "Conservative"));
    }

    [Fact]
    public void ARedrawnWardTakesTheCouncilsSharesLastTimeChangedTheSameWay()
    {
        // Leeds last time over its comparable wards: Con 35, Lab 65 (three wards of 350/650). Change Con +10, Lab −10.
        // Redrawn ward d (2 seats) has no result of its own: Con 45, 45 and Lab 55, 55, so both Labour.
        var builder = new ElectionBuilder().Council("leeds");
        foreach (var ward in new[] { "a", "b", "c" })
        {
            builder.Ballot("leeds", ward, 1, Con, Lab).Previous("leeds", ward, (Con, 350), (Lab, 650)).Declare("leeds", ward, 450, 550);
        }

        var state = builder
            .Ballot("leeds", "d", 2, Con, Con, Lab, Lab).NotComparable("leeds", "d")
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["leeds"])!;

        Assert.Equal((2, 2), (projection.SeatsProjected, projection.SeatsWithoutComparableVotes));
        Assert.Equal(5, Line(projection, "Labour").Seats);
        Assert.DoesNotContain(projection.Parties, p => p.Party.Name == "Conservative");
    }

    [Fact]
    public void AWardUncontestedLastTimeKeepsItsDefendedSeatWithItsDefender()
    {
        // Labour gains every declared ward, but ward d was a Conservative seat with no poll last time: it stays Conservative.
        var state = ThreeDeclared()
            .Ballot("leeds", "d", 1, Con, Lab).Defended("leeds", "d", Con)
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["leeds"])!;

        Assert.Equal((0, 1, 1, 1), Line(projection, "Conservative"));
        Assert.Equal((1, 1), (projection.SeatsProjected, projection.SeatsWithoutComparableVotes));
    }

    [Fact]
    public void ACouncilThatCannotChangeControlIsProjectedToKeepItWhateverTheModelSays()
    {
        // Size 10, M = 6: the Conservatives' 6 continuing seats keep control though Labour is projected to win ward d.
        var state = ThreeDeclared()
            .Ballot("leeds", "d", 1, Con, Lab).Previous("leeds", "d", (Con, 600), (Lab, 400))
            .CouncilBaseline("leeds", 10, Con, (Con, 6))
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["leeds"])!;

        Assert.True(state.Councils["leeds"].ControlCannotChange);
        Assert.Equal(("Conservative", ControlCertainty.CannotChange), (projection.Control.Party?.Name, projection.Certainty));
        Assert.Equal(4, Line(projection, "Labour").Seats);
    }

    [Fact]
    public void ACouncilNoPartyCanWinAnyLongerIsCertainNoOverallControl()
    {
        // Size 12, M = 7: Con 3 and Grn 3 continuing, Lab 5 declared, one seat left: nobody can reach 7.
        var state = ThreeDeclared()
            .Ballot("leeds", "d", 1, Con, Lab).Previous("leeds", "d", (Con, 600), (Lab, 400))
            .Ballot("leeds", "e", 1, Con, Lab).Previous("leeds", "e", (Con, 600), (Lab, 400))
            .Ballot("leeds", "f", 1, Con, Lab).Previous("leeds", "f", (Con, 600), (Lab, 400))
            .CouncilBaseline("leeds", 12, null, (Con, 3), (Grn, 3))
            .Declare("leeds", "d", 450, 550)
            .Declare("leeds", "e", 450, 550)
            .Build();

        var projection = CouncilProjection.Of(state, state.Councils["leeds"])!;

        Assert.Equal((ControlKind.NoOverallControl, ControlCertainty.CertainNoOverallControl), (projection.Control.Kind, projection.Certainty));
        Assert.Equal(6, Line(projection, "Labour").Seats);
    }

    [Fact]
    public void AFullyDeclaredCouncilHasNoProjection()
    {
        var state = ThreeDeclared().Build();

        Assert.Null(CouncilProjection.Of(state, state.Councils["leeds"]));
        Assert.Null(CouncilAnalysis.Of(state, state.Councils["leeds"]).Projection);
    }

    [Fact]
    public void BeforeAnyDeclarationLastTimesSharesAreProjectedUnchanged()
    {
        var state = new ElectionBuilder().Council("leeds")
            .Ballot("leeds", "a", 1, Con, Lab).Previous("leeds", "a", (Con, 600), (Lab, 400))
            .Ballot("leeds", "b", 1, Con, Lab).Previous("leeds", "b", (Con, 400), (Lab, 600))
            .Ballot("leeds", "c", 1, Con, Lab).Previous("leeds", "c", (Con, 300), (Lab, 700))
            .Build();

        var projection = CouncilAnalysis.Of(state, state.Councils["leeds"]).Projection!;

        Assert.Equal((ProjectionBasis.NoSwing, 3), (projection.Basis, projection.SeatsProjected));
        Assert.Equal(("Labour", 2), (projection.Parties[0].Party.Name, projection.Parties[0].Seats));
        Assert.Equal("Labour", projection.Control.Party?.Name);
    }

    [Fact]
    public void ADeclarationElsewhereRefreshesAProjectionThatUsesTheNationsChange()
    {
        var builder = new ElectionBuilder().Council("leeds")
            .Ballot("leeds", "a", 1, Con, Lab).Previous("leeds", "a", (Con, 560), (Lab, 440))
            .Council("hart")
            .Ballot("hart", "a", 1, Con, Lab).Previous("hart", "a", (Con, 600), (Lab, 400));
        var before = builder.Build();
        var declaration = builder.Declare("hart", "a", 450, 550).Events[^1];
        var leedsBefore = CouncilProjection.Of(before, before.Councils["leeds"])!;

        var next = before.Apply(declaration, before.Revision + 1); // Leeds's views stay the same objects

        Assert.Same(before.Councils["leeds"], next.Councils["leeds"]);
        Assert.Equal(("Conservative", ProjectionBasis.NoSwing), (leedsBefore.Control.Party?.Name, leedsBefore.Basis));
        var leedsNext = CouncilProjection.Of(next, next.Councils["leeds"])!;
        Assert.Equal(("Labour", ProjectionBasis.Nation), (leedsNext.Control.Party?.Name, leedsNext.Basis));
    }
}
