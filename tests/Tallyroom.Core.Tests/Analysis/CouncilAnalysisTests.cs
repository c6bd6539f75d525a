using Tallyroom.Core.Analysis;
using static Tallyroom.Core.Tests.Analysis.AnalysisElection;
using static Tallyroom.Core.Tests.ElectionBuilder;

namespace Tallyroom.Core.Tests.Analysis;

public sealed class CouncilAnalysisTests
{
    private static ElectionBuilder Council() => new ElectionBuilder()
        .Council("leeds")
        .Ballot("leeds", "a", 1, Con, Lab, LD)
        .Ballot("leeds", "b", 1, Con, Lab, LD)
        .Ballot("leeds", "c", 1, Con, Lab, LD)
        .Ballot("leeds", "d", 1, Con, Lab, Grn)
        .Ballot("leeds", "e", 1, Con, Lab, Grn)
        .Previous("leeds", "a", (Con, 500), (Lab, 300), (LD, 200))
        .Previous("leeds", "b", (Con, 450), (Lab, 350), (LD, 200))
        .Previous("leeds", "c", (Con, 300), (Lab, 500), (LD, 200))
        .Previous("leeds", "d", (Con, 420), (Lab, 380), (Grn, 200))
        .Previous("leeds", "e", (Con, 600), (Lab, 200), (Grn, 200))
        .CouncilBaseline("leeds", 5, Con);

    [Fact]
    public void BeforeAnyDeclarationTheTopTwoComeFromLastTimeAndTheChallengerGetsTheTargetList()
    {
        var state = Council().Build();

        var analysis = CouncilAnalysis.Of(state, state.Councils["leeds"]);

        Assert.Equal((0, "Conservative", "Labour"), (analysis.Shares.Wards, analysis.Swing!.From.Name, analysis.Swing.To.Name));
        Assert.All(analysis.Swing.Figures, f => Assert.Null(f.Points));
        // The Greens stand in two wards, fewer than the 3 a majority needs; the Lib Dems need 15 in a, b and c.
        Assert.Equal(["Conservative", "Labour", "Liberal Democrats"], analysis.Control.Select(t => t.Party.Name));
        Assert.Equal([0.0, 5.0, 15.0], analysis.Control.Select(t => Math.Round(t.SwingNeeded!.Value, 9)));
        Assert.Equal(("Labour", 5.0), (analysis.Targets!.Party.Name, Math.Round(analysis.Targets.SwingNeeded!.Value, 9))); // c held; d at 2 and b at 5
        Assert.Equal(("Conservative", 5.0), (analysis.Defence!.Party.Name, Math.Round(analysis.Defence.SwingToLose!.Value, 9))); // keeps a and e only
        Assert.Equal(0, analysis.Turnout.Wards);
    }

    [Fact]
    public void OnceWardsDeclareSharesSwingAndTurnoutFollowThemWithTheMethodChosen()
    {
        var state = Council()
            .Declare("leeds", "a", 390, 410, 200)
            .Declare("leeds", "d", 300, 500, 200)
            .Build();

        var analysis = CouncilAnalysis.Of(state, state.Councils["leeds"], new AnalysisOptions { Method = ShareMethod.TotalVote, Party = Grn });

        Assert.Equal((2, 2, ShareMethod.TotalVote), (analysis.Shares.Wards, analysis.Shares.WardsCompared, analysis.Shares.Method));
        // Labour now leads (910 to 690), but the swing runs from the party that led last time, the Conservatives.
        Assert.Equal(("Conservative", "Labour"), (analysis.Swing!.From.Name, analysis.Swing.To.Name));
        Assert.Equal((11.0 + 12.0) / 2, analysis.Swing.Figure(SwingMeasure.Butler, SwingAggregation.MeanOfWards).Points!.Value, 9);
        Assert.Equal(("Green", ControlPath.ImpossibleThisYear), (analysis.Targets!.Party.Name, analysis.Targets.Path));
    }

    [Fact]
    public void AfterADeclarationElsewhereAnUntouchedCouncilsAnalysisIsReusedAndTheDeclaringCouncilsIsNew()
    {
        var builder = Council().Council("hart").Ballot("hart", "a", 1, Con, LD);
        var before = builder.Build();
        var declaration = builder.Declare("hart", "a", 300, 700).Events[^1];
        var leedsBefore = CouncilAnalysis.Of(before, before.Councils["leeds"]);

        var next = before.Apply(declaration, before.Revision + 1); // only Hart's ballot and council views change

        Assert.Same(leedsBefore.Shares, CouncilAnalysis.Of(next, next.Councils["leeds"]).Shares);
        Assert.Equal(0, CouncilAnalysis.Of(before, before.Councils["hart"]).Shares.Wards);
        Assert.Equal(1, CouncilAnalysis.Of(next, next.Councils["hart"]).Shares.Wards);
    }

    [Fact]
    public void ADeclarationAndItsCorrectionEachReplaceTheCouncilViewSoItsMemosNeverAnswerForOldBallots()
    {
        var builder = Council();
        var before = builder.Build();
        var declaration = builder.Declare("leeds", "a", 390, 410, 200).Events[^1];
        var correction = builder.Declare("leeds", "a", 420, 380, 200).Events[^1];
        var analysedBefore = CouncilAnalysis.Of(before, before.Councils["leeds"]);

        var declared = before.Apply(declaration, before.Revision + 1);
        var corrected = declared.Apply(correction, declared.Revision + 1);

        Assert.NotSame(before.Councils["leeds"], declared.Councils["leeds"]);
        Assert.NotSame(declared.Councils["leeds"], corrected.Councils["leeds"]);
        Assert.Equal(0, analysedBefore.Shares.Wards);
        Assert.Equal("Labour", CouncilAnalysis.Of(declared, declared.Councils["leeds"]).Shares.Parties[0].Contestant.Name);
        Assert.Equal("Conservative", CouncilAnalysis.Of(corrected, corrected.Councils["leeds"]).Shares.Parties[0].Contestant.Name);
    }
}
