using Tallyroom.Hosting;

return await Cli.Build(TimeProvider.System).Parse(args).InvokeAsync().ConfigureAwait(false);
