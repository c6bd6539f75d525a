using System.Globalization;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Log;

namespace Tallyroom.Benchmarks;

/// <summary>
/// Measures the managed memory the whole 2018 election's state keeps alive: the heap after a full collection with
/// the final state held, minus the heap with nothing loaded. Not a BenchmarkDotNet benchmark: it measures retained
/// size, not time or allocation.
/// </summary>
internal static class StateMemory
{
    public static void Report(TextWriter output)
    {
        var before = Settle();
        var night = new RealNight();
        var state = ResultsEngine.Fold(night.SetUp, night.Declarations);
        night = null;
        var after = Settle();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Whole 2018 state (revision {state.Revision}: {state.Councils.Count} councils, {state.Ballots.Count} ballots, {state.Ballots.Values.Sum(b => b.Definition.Candidates.Length)} candidates): {(after - before) / 1024.0 / 1024.0:0.0} MB retained"));
        GC.KeepAlive(state);
    }

    private static long Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
