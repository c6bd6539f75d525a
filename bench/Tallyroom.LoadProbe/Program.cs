using Tallyroom.LoadProbe;

// Push-stream load probe: see ProbeOptions.Usage and docs/BENCHMARKS.md.
var options = ProbeOptions.Parse(args, out var error);
if (options is null)
{
    await Console.Error.WriteLineAsync($"Tallyroom.LoadProbe: {error}").ConfigureAwait(false);
    await Console.Error.WriteLineAsync(ProbeOptions.Usage).ConfigureAwait(false);
    return 2;
}

return await Probe.RunAsync(options, Console.Out).ConfigureAwait(false);
