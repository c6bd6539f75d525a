using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Tallyroom.Benchmarks;

// `memory` reports the retained size of the 2018 state; anything else goes to BenchmarkDotNet (e.g. --filter '*Replay*').
if (args is ["memory"])
{
    StateMemory.Report(Console.Out);
    return;
}

// One core: the targets are stated per core, and the machine is shared.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithAffinity(1));
BenchmarkSwitcher.FromAssembly(typeof(ReplayBenchmarks).Assembly).Run(args, config);
