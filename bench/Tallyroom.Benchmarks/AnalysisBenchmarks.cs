using BenchmarkDotNet.Attributes;
using Tallyroom.Core.Analysis;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;

namespace Tallyroom.Benchmarks;

/// <summary>
/// Recomputing analysis after a declaration on the real 2018 night with its baselines: shares, top-two swing, the
/// swing each party needs, the controller's swing to lose, a target list and turnout, for one council or all 150
/// (plus the national shares and turnout). The state is half-way through the night, the next declaration applied.
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

    /// <summary>One declaration applied, then every council's analysis and the nation's shares and turnout recomputed.</summary>
    [Benchmark]
    public int EveryCouncilAfterOneDeclaration()
    {
        var state = halfway.Apply(next, halfway.Revision + 1);
        var figures = 0;
        foreach (var council in state.Councils.Values)
        {
            figures += CouncilAnalysis.Of(state, council).Control.Length;
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
}
