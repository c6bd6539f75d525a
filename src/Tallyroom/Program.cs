using Tallyroom.Hosting;

// Arguments that are all host settings (--key=value) come from a hosting tool such as the test host, which builds
// the web host by running this entry point: serve with them. Anything else is the command line.
if (args.Length > 0 && args.All(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)))
{
    await WebHost.Build(args).RunAsync().ConfigureAwait(false);
    return 0;
}

return await Cli.Build(TimeProvider.System).Parse(args).InvokeAsync().ConfigureAwait(false);
