using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Tallyroom.Hosting;

/// <summary>Where a command writes: tables for people, JSON for machines, errors to standard error.</summary>
internal sealed class CliOutput(TextWriter output, TextWriter error)
{
    public TextWriter Output => output;

    public TextWriter Error => error;

    /// <summary>A Spectre console over standard output, for tables.</summary>
    public IAnsiConsole Console { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });

    public static CliOutput For(ParseResult parse) =>
        new(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);

    public void WriteJson<T>(T document) => output.WriteLine(JsonSerializer.Serialize(document, Results.ResultsJson.Options));

    /// <summary>Runs a command body, turning refusals into a message on standard error and exit code 2.</summary>
    public async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e) when (e is CommandException or InvalidDataException or IOException)
        {
            // Refusals and unusable files (not a Tallyroom log, unknown schema, unreadable path) are the user's to fix.
            await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return 2;
        }
    }
}
