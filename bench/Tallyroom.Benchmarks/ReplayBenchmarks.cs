using BenchmarkDotNet.Attributes;
using Tallyroom.Core.Counting;

namespace Tallyroom.Benchmarks;

/// <summary>
/// Replays every 2018 declaration through the engine; each one updates its ballot, its council and the national
/// scoreboard. Reported per declaration (OperationsPerInvoke), on one core (affinity set in Program).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReplayBenchmarks
{
    private RealNight night = null!;

    [GlobalSetup]
    public void Load() => night = new RealNight();

    /// <summary>The write path: each declaration checked against the ballot rules, then folded in.</summary>
    [Benchmark(OperationsPerInvoke = 2737)]
    public ElectionState CheckAndApplyEveryDeclaration()
    {
        var state = night.SetUp;
        var revision = state.Revision;
        foreach (var declaration in night.Declarations)
        {
            if (state.Check(declaration).Count != 0)
            {
                throw new InvalidOperationException("A real declaration was refused.");
            }

            state = state.Apply(declaration, ++revision);
        }

        return state;
    }

    /// <summary>Rebuilding from the log at start: events were checked when written, so they are only folded.</summary>
    [Benchmark(OperationsPerInvoke = 2737)]
    public ElectionState ApplyEveryDeclaration()
    {
        var state = night.SetUp;
        var revision = state.Revision;
        foreach (var declaration in night.Declarations)
        {
            state = state.Apply(declaration, ++revision);
        }

        return state;
    }

    /// <summary>As the write path, also reading the ranked scoreboard after each declaration as a page would.</summary>
    [Benchmark(OperationsPerInvoke = 2737)]
    public int CheckApplyAndRankTheScoreboard()
    {
        var state = night.SetUp;
        var revision = state.Revision;
        var lines = 0;
        foreach (var declaration in night.Declarations)
        {
            _ = state.Check(declaration);
            state = state.Apply(declaration, ++revision);
            lines += state.Scoreboard.Ranked().Count();
        }

        return lines;
    }
}
