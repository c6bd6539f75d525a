using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Events;
using Tallyroom.Hosting;
using Tallyroom.Importers;

namespace Tallyroom.Import;

/// <summary>
/// <c>tallyroom import &lt;format&gt; &lt;file&gt;</c>: reads a results file and appends what it says to the log in one
/// transaction, all or nothing. Refusals name the file, line, field and rule.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(TimeProvider clock)
    {
        var format = new Argument<string>("format") { Description = "The file's format: " + string.Join(", ", ImportFormats.Names) + "." };
        format.AcceptOnlyFromAmong([.. ImportFormats.Names]);
        var file = new Argument<string>("file") { Description = "The file to import." };
        var setupOnly = new Option<bool>("--setup-only") { Description = "Define the election (councils, ballots, candidates) without declaring results, as before polls close." };
        var wardCodes = new Option<string?>("--ward-codes") { Description = "A Democracy Club ballot_id,gss_code file giving each ballot's ONS ward code." };
        var pollingDay = new Option<DateOnly?>("--polling-day") { Description = "The polling day (yyyy-mm-dd), for files that do not say it." };
        var root = new Option<string?>("--root") { Description = "For a manifest: the folder its relative paths start from (default: the manifest's folder)." };
        var db = CommonOptions.Database();
        var command = new Command("import", "Import a file (or a manifest of files) into the event log, all or nothing.") { format, file, setupOnly, wardCodes, pollingDay, root, db };
        command.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var output = CliOutput.For(parse);
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CommandException($"file: there is no file '{path}'.");
            }

            var codes = parse.GetValue(wardCodes);
            if (codes is not null && !File.Exists(codes))
            {
                throw new CommandException($"--ward-codes: there is no file '{codes}'.");
            }

            var (log, engine) = await ElectionDatabase.OpenForWritingAsync(parse.GetValue(db)!, clock, ct).ConfigureAwait(false);
            await using (log.ConfigureAwait(false))
            using (engine)
            {
                var reader = ImportFormats.Find(parse.GetValue(format)!)!;
                var timer = Stopwatch.StartNew();
                var options = new ImportOptions { SetupOnly = parse.GetValue(setupOnly), WardCodesPath = codes, PollingDay = parse.GetValue(pollingDay), Root = parse.GetValue(root) };
                ImportBatch? batch = null;
                try
                {
                    batch = await WithProgressAsync(output, path, progress => reader(path, engine.Current, options with { Progress = progress })).ConfigureAwait(false);
                    if (batch.Events.Count == 0)
                    {
                        await output.Output.WriteLineAsync($"Nothing new to import from {path}.").ConfigureAwait(false);
                        return 0;
                    }

                    var before = engine.Current;
                    var state = await engine.WriteAsync(batch.Events, cancellationToken: ct).ConfigureAwait(false);
                    await WriteSummaryAsync(output, path, batch, before, state.Revision, timer.Elapsed).ConfigureAwait(false);
                    return 0;
                }
                catch (MalformedInputException malformed)
                {
                    await output.Error.WriteLineAsync("error: " + malformed.Message).ConfigureAwait(false);
                }
                catch (RuleViolationException refusal)
                {
                    var where = refusal.SourceDescription ?? (refusal.EventIndex is { } i && batch is not null ? batch.Sources[i].ToString() : path);
                    foreach (var violation in refusal.Violations)
                    {
                        await output.Error.WriteLineAsync($"error: {where}: {violation.Field}: {violation.Message} [{violation.Rule}]").ConfigureAwait(false);
                    }
                }

                await output.Error.WriteLineAsync("Nothing was imported.").ConfigureAwait(false);
                return 2;
            }
        }));
        return command;
    }

    private static async Task<ImportBatch> WithProgressAsync(CliOutput output, string path, Func<IProgress<int>?, ImportBatch> read)
    {
        // Progress is for a person watching a terminal; when standard error is redirected it would only be noise.
        if (Console.IsErrorRedirected || output.Error != Console.Error)
        {
            return read(null);
        }

        var status = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await status.Status().StartAsync($"Reading {Markup.Escape(path)}…", context => Task.Run(() => read(new Progress<int>(records =>
            context.Status(string.Create(CultureInfo.InvariantCulture, $"Reading {Markup.Escape(path)}: {records:N0} records"))))))
            .ConfigureAwait(false);
    }

    private static async Task WriteSummaryAsync(CliOutput output, string path, ImportBatch batch, Core.Counting.ElectionState before, long revision, TimeSpan elapsed)
    {
        var counts = batch.Events.GroupBy(e => e.GetType()).ToDictionary(g => g.Key, g => g.Count());
        int Count<T>() where T : ElectionEvent => counts.GetValueOrDefault(typeof(T));
        var councils = batch.Events.OfType<CouncilDefined>().Select(c => c.Council.Slug).Distinct().ToList();
        var added = councils.Count(slug => !before.Councils.ContainsKey(slug));
        var amended = Count<CouncilDefined>() - added;
        await output.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Imported {path}: {added} councils{(amended > 0 ? $" ({amended} council definitions amended)" : string.Empty)}, {Count<BallotDefined>()} ballots, {Count<DeclarationRecorded>()} declarations, {Count<BallotPostponed>()} postponed polls, {Count<BallotStatisticsRecorded>()} ward statistics, {Count<BallotBaselineRecorded>()} ballot baselines, {Count<CouncilBaselineRecorded>()} council baselines ({batch.Events.Count} events in {elapsed.TotalSeconds:0.00} s); the log is at revision {revision}."))
            .ConfigureAwait(false);
        foreach (var note in batch.Notes)
        {
            await output.Output.WriteLineAsync("note: " + note).ConfigureAwait(false);
        }
    }
}
