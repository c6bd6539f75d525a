using BenchmarkDotNet.Attributes;
using Tallyroom.Core.Analysis;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;

namespace Tallyroom.Benchmarks;

/// <summary>
/// Analysis after a declaration on the real 2018 night with its baselines: shares, top-two swing, the swing each
/// party needs, the controller's swing to lose, a target list, turnout and the live projection, for every council
/// (plus the nation's shares and turnout) or for the declaring council alone, and the nation's analysis with its
/// projection and PNS-style share. The state is half-way through the night (in the order of the results file, so about
/// half the councils have not started and project from the nation's swing) with the next declaration applied. Analyses
/// are memoised on the immutable ward and council views, as the host keeps them: the declaring council is worked out
/// again and so is every projection that uses the nation's swing, which each declaration moves; the rest are reused
/// (<see cref="AnalysisFromScratchBenchmarks"/> measures the same with nothing memoised).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnalysisBenchmarks
{
    private ElectionState halfway = null!;
    private DeclarationRecorded next = null!;

    [GlobalSetup]
    public void Load()
    {
        var night = RealNight.WithBaselines();
        var half = night.Declarations.Count / 2;
        halfway = ResultsEngine.Fold(night.SetUp, [.. night.Declarations.Take(half)]);
        next = night.Declarations[half];
    }

    /// <summary>One declaration applied, then every council's analysis (with its projection) and the nation's shares and turnout recomputed.</summary>
    [Benchmark]
    public int EveryCouncilAfterOneDeclaration()
    {
        var state = halfway.Apply(next, halfway.Revision + 1);
        var figures = 0;
        foreach (var council in state.Councils.Values)
        {
            var analysis = CouncilAnalysis.Of(state, council);
            figures += analysis.Control.Length + (analysis.Projection?.Parties.Length ?? 0);
        }

        figures += VoteShares.National(state).Parties.Length + TurnoutFigure.National(state).Wards;
        return figures;
    }

    /// <summary>One declaration applied, then only its own council's analysis recomputed: what a change really needs.</summary>
    [Benchmark]
    public int TheDeclaredCouncilAfterOneDeclaration()
    {
        var state = halfway.Apply(next, halfway.Revision + 1);
        var council = state.Councils[state.Ballots[next.Declaration.BallotId].Definition.CouncilSlug];
        return CouncilAnalysis.Of(state, council).Control.Length;
    }

    /// <summary>One declaration applied, then the nation's analysis: shares, swing, turnout, the projection of every council and the PNS-style share.</summary>
    [Benchmark]
    public int TheNationAfterOneDeclaration()
    {
        var state = halfway.Apply(next, halfway.Revision + 1);
        var analysis = NationalAnalysis.Of(state);
        return analysis.Projection.Parties.Length + (analysis.ProjectedShare?.KeyWards ?? 0);
    }
}
