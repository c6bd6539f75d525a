using Tallyroom.Core.Analysis;
using static Tallyroom.Core.Tests.Analysis.AnalysisElection;
using static Tallyroom.Core.Tests.ElectionBuilder;

namespace Tallyroom.Core.Tests.Analysis;

public sealed class NationalAnalysisTests
{
    [Fact]
    public void TheNationalProjectionTakesDeclaredCouncilsAsDeclaredAndProjectsTheRest()
    {
        // Leeds (Con before) is declared: Labour 3 of 3. Hart (Con before, 2 seats, M = 2) has declared ward a (Con);
        // the nation's change, Lab +15 over four wards, takes ward b (Con 58 / Lab 42 → 43 / 57) to Labour: 1–1, NOC.
        var builder = new ElectionBuilder().Council("leeds");
        foreach (var ward in new[] { "a", "b", "c" })
        {
            builder.Ballot("leeds", ward, 1, Con, Lab).Previous("leeds", ward, (Con, 600), (Lab, 400)).Declare("leeds", ward, 450, 550);
        }

        var state = builder.CouncilBaseline("leeds", 3, Con)
            .Council("hart")
            .Ballot("hart", "a", 1, Con, Lab).Previous("hart", "a", (Con, 700), (Lab, 300)).Declare("hart", "a", 550, 450)
            .Ballot("hart", "b", 1, Con, Lab).Previous("hart", "b", (Con, 580), (Lab, 420))
            .CouncilBaseline("hart", 2, Con)
            .Build();

        var projection = NationalAnalysis.Project(state);

        Assert.Equal((2, 1, 1, 1, 1), (projection.Councils, projection.CouncilsDeclared, projection.NoOverallControl, projection.NoOverallControlChange, projection.SeatsProjected));
        Assert.Equal(
            [("Labour", 1, 1, 4, 3), ("Conservative", 0, -2, 1, 1)],
            projection.Parties.Select(p => (p.Party.Name, p.Councils, p.CouncilsChange, p.Seats, p.SeatsDeclared)));
    }

    [Fact]
    public void ThePnsStyleShareAddsTheKeyWardsMeanChangeToLastTimesNationalShare()
    {
        // Last time over the three wards up (1000 votes each): Con 1500, Lab 1000, LD 500 of 3000 = 50, 33.33, 16.67.
        // Key ward a (Con, Lab and LD both times): Con −11, Lab +11, LD 0. Ward b has no LD: not a key ward.
        var state = new ElectionBuilder().Council("leeds")
            .Ballot("leeds", "a", 1, Con, Lab, LD).Previous("leeds", "a", (Con, 500), (Lab, 300), (LD, 200)).Declare("leeds", "a", 390, 410, 200)
            .Ballot("leeds", "b", 1, Con, Lab).Previous("leeds", "b", (Con, 600), (Lab, 400)).Declare("leeds", "b", 300, 700)
            .Ballot("leeds", "c", 1, Con, Lab, LD).Previous("leeds", "c", (Con, 400), (Lab, 300), (LD, 300))
            .Build();

        var share = NationalAnalysis.ProjectShare(state)!;

        Assert.Equal((1, 3), (share.KeyWards, share.BaselineWards));
        Assert.Equal(["Labour", "Conservative", "Liberal Democrats"], share.Parties.Select(p => p.Party.Name));
        Assert.Equal(100.0 / 3 + 11, share.Parties[0].Share, 9);
        Assert.Equal(50.0 - 11, share.Parties[1].Share, 9);
        Assert.Equal(100.0 / 6, share.Parties[2].Share, 9);
        Assert.Equal(0.0, share.Others, 9);
        Assert.StartsWith("PNS-style (Tallyroom's estimate): mean change in top vote share over 1 key ward", share.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void ThereIsNoPnsStyleShareUntilAKeyWardDeclares()
    {
        var state = new ElectionBuilder().Council("leeds")
            .Ballot("leeds", "b", 1, Con, Lab).Previous("leeds", "b", (Con, 600), (Lab, 400)).Declare("leeds", "b", 300, 700)
            .Build();

        Assert.Null(NationalAnalysis.ProjectShare(state));
        Assert.Null(NationalAnalysis.Of(state).ProjectedShare);
    }

    [Fact]
    public void TheNationalSwingRunsFromThePartyThatLedLastTime()
    {
        var state = new ElectionBuilder().Council("leeds")
            .Ballot("leeds", "a", 1, Con, Lab).Previous("leeds", "a", (Con, 600), (Lab, 400)).Declare("leeds", "a", 450, 550)
            .Council("hart")
            .Ballot("hart", "a", 1, Con, Lab).Previous("hart", "a", (Con, 700), (Lab, 300)).Declare("hart", "a", 600, 400)
            .Build();

        var analysis = NationalAnalysis.Of(state);

        // Butler swing per ward: (15 + 15) / 2 = 15 and (10 + 10) / 2 = 10; their mean 12.5.
        Assert.Equal(("Conservative", "Labour"), (analysis.Swing!.From.Name, analysis.Swing.To.Name));
        Assert.Equal(12.5, analysis.Swing.Figure(SwingMeasure.Butler, SwingAggregation.MeanOfWards).Points!.Value, 9);
        Assert.Equal(2, analysis.Shares.Wards);
        Assert.Same(analysis, NationalAnalysis.Of(state));
    }
}
