using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Tallyroom.Core.Analysis;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Log;

namespace Tallyroom.Benchmarks;

/// <summary>
/// Every council's analysis with nothing memoised: each ward's shares are worked out again, as when a reader first
/// asks for a revision the host has never analysed. Every ballot view is copied before each iteration (not timed), so
/// the per-ward memo (keyed on the immutable view) starts empty; one invocation per iteration.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[InvocationCount(1)]
public class AnalysisFromScratchBenchmarks
{
    private ElectionState halfway = null!;
    private ElectionState fresh = null!;

    [GlobalSetup]
    public void Load()
    {
        var night = RealNight.WithBaselines();
        halfway = ResultsEngine.Fold(night.SetUp, [.. night.Declarations.Take(night.Declarations.Count / 2)]);
    }

    [IterationSetup]
    public void CopyEveryBallotView() =>
        fresh = halfway with { Ballots = halfway.Ballots.ToImmutableDictionary(b => b.Key, b => b.Value with { }) };

    [Benchmark]
    public int EveryCouncilFromScratch()
    {
        var figures = 0;
        foreach (var council in fresh.Councils.Values)
        {
            figures += CouncilAnalysis.Of(fresh, council).Control.Length;
        }

        return figures + VoteShares.National(fresh).Parties.Length + TurnoutFigure.National(fresh).Wards;
    }
}
