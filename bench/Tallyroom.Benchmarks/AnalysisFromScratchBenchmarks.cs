using BenchmarkDotNet.Attributes;
using Tallyroom.Core.Analysis;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;

namespace Tallyroom.Benchmarks;

/// <summary>
/// Every council's analysis with nothing memoised: each ward's shares are worked out again, as when a reader first
/// asks for a revision the host has never analysed. The half night is folded again from its events before each
/// iteration (not timed), so every ballot and council view is new and the memos keyed on them start empty; one
/// invocation per iteration.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[InvocationCount(1)]
public class AnalysisFromScratchBenchmarks
{
    private ElectionEvent[] halfway = null!;
    private ElectionState fresh = null!;

    [GlobalSetup]
    public void Load()
    {
        var night = RealNight.WithBaselines();
        halfway = [.. night.SetUpEvents, .. night.Declarations.Take(night.Declarations.Count / 2)];
    }

    [IterationSetup]
    public void FoldTheHalfNightAgain() => fresh = ResultsEngine.Fold(ElectionState.Empty, halfway);

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
