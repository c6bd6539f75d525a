using System.CommandLine;
using Tallyroom.Hosting;
using Tallyroom.Importers;
using Tallyroom.Importers.Validation;

namespace Tallyroom.Validation;

/// <summary>
/// <c>tallyroom validate</c>: compares each council's final composition and control in the log with Open Council
/// Data's snapshot after the election, explains every difference it can from the data, and writes the Markdown
/// report (docs/VALIDATION-2018.md for the 2018 night).
/// </summary>
internal static class ValidateCommand
{
    private const string DefaultRoot = "../shared/data/raw";

    public static Command Create()
    {
        var db = CommonOptions.Database();
        var root = new Option<string>("--root") { Description = "The raw data folder laid out as SOURCES.md says (Open Council Data, LEAP).", DefaultValueFactory = _ => DefaultRoot };
        var output = new Option<string?>("--out") { Description = "Write the Markdown report to this file; without it the report goes to standard output." };
        var explanations = new Option<string?>("--explanations") { Description = "A curated council,explanation CSV for differences the data cannot explain by itself." };
        var command = new Command("validate", "Compare every council's composition and control after the election with Open Council Data's snapshot, and explain each difference.") { db, root, output, explanations };
        command.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var console = CliOutput.For(parse);
            var (dbPath, rootPath, outPath, explanationsPath) = (parse.GetValue(db)!, parse.GetValue(root)!, parse.GetValue(output), parse.GetValue(explanations));
            if (!Directory.Exists(rootPath))
            {
                throw new CommandException($"--root: there is no folder '{rootPath}'; give the raw data folder (../shared/data/raw beside the repository).");
            }

            if (explanationsPath is not null && !File.Exists(explanationsPath))
            {
                throw new CommandException($"--explanations: there is no file '{explanationsPath}'.");
            }

            var state = await ElectionDatabase.ReadStateAsync(dbPath, null, ct).ConfigureAwait(false);
            if (state.Election is null)
            {
                throw new CommandException($"--db: the log '{dbPath}' holds no election; import one first (tallyroom import manifest …).");
            }

            ValidationReport report;
            try
            {
                report = CompositionValidation.Run(state, rootPath, explanationsPath);
            }
            catch (MalformedInputException malformed)
            {
                throw new CommandException(malformed.Message);
            }

            var markdown = ValidationMarkdown.Write(report, Invocation(dbPath, rootPath, outPath, explanationsPath));
            if (outPath is null)
            {
                await console.Output.WriteAsync(markdown).ConfigureAwait(false);
                return 0;
            }

            await File.WriteAllTextAsync(outPath, markdown, ct).ConfigureAwait(false);
            await console.Output.WriteLineAsync($"Wrote {outPath}: {report.Summary}").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    // The command line the report says it was made with: relative paths as given, absolute ones by their last part
    // only, so that the report names no one's machine.
    private static string Invocation(string db, string root, string? output, string? explanations)
    {
        static string Shown(string path) => Path.IsPathRooted(path) ? Path.GetFileName(Path.TrimEndingDirectorySeparator(path)) : path.Replace('\\', '/');
        var shownRoot = Path.IsPathRooted(root) ? "<raw data folder>" : root.Replace('\\', '/');
        return "tallyroom validate --db " + Shown(db) + " --root " + shownRoot
            + (explanations is null ? string.Empty : " --explanations " + Shown(explanations))
            + (output is null ? string.Empty : " --out " + Shown(output));
    }
}
