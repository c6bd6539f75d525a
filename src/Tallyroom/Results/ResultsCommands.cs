using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tallyroom.Core.Counting;
using Tallyroom.Hosting;

namespace Tallyroom.Results;

/// <summary><c>tallyroom scoreboard</c>, <c>council</c> and <c>ballot</c>: the results as at any revision.</summary>
internal static class ResultsCommands
{
    public static Command Scoreboard()
    {
        var db = CommonOptions.Database();
        var json = CommonOptions.Json();
        var at = new Option<long?>("--at") { Description = "Show the scoreboard as it stood at this revision of the log." };
        var command = new Command("scoreboard", "The national scoreboard: State of parties after N of M councils.") { db, json, at };
        command.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var output = CliOutput.For(parse);
            var state = await ElectionDatabase.ReadStateAsync(parse.GetValue(db)!, parse.GetValue(at), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                output.WriteJson(ResultsDocuments.Scoreboard(state));
                return 0;
            }

            foreach (var line in ScoreboardText.Lines(state.Scoreboard))
            {
                await output.Output.WriteLineAsync(line).ConfigureAwait(false);
            }

            await output.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"(revision {state.Revision})")).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    public static Command Council()
    {
        var db = CommonOptions.Database();
        var json = CommonOptions.Json();
        var slug = new Argument<string>("slug") { Description = "The council's slug, as in Democracy Club ids, e.g. westminster or kensington-and-chelsea." };
        var command = new Command("council", "One council: seats won, control, and its ballots.") { slug, db, json };
        command.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var output = CliOutput.For(parse);
            var state = await ElectionDatabase.ReadStateAsync(parse.GetValue(db)!, null, ct).ConfigureAwait(false);
            var wanted = parse.GetValue(slug)!;
            if (!state.Councils.TryGetValue(wanted, out var council))
            {
                throw new CommandException($"slug: no council '{wanted}' in this election.{Suggest(wanted, state.Councils.Keys)}");
            }

            if (parse.GetValue(json))
            {
                output.WriteJson(ResultsDocuments.Council(state, council));
                return 0;
            }

            ResultsTables.WriteCouncil(output.Console, state, council);
            return 0;
        }));
        return command;
    }

    public static Command Ballot()
    {
        var db = CommonOptions.Database();
        var json = CommonOptions.Json();
        var id = new Argument<string>("ballot-id") { Description = "The Democracy Club ballot id, e.g. local.westminster.maida-vale.2018-05-03." };
        var command = new Command("ballot", "One ballot: candidates, votes, who was elected, turnout.") { id, db, json };
        command.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var output = CliOutput.For(parse);
            var state = await ElectionDatabase.ReadStateAsync(parse.GetValue(db)!, null, ct).ConfigureAwait(false);
            var wanted = parse.GetValue(id)!;
            if (!state.Ballots.TryGetValue(wanted, out var ballot))
            {
                throw new CommandException($"ballot-id: no ballot '{wanted}' in this election.{Suggest(wanted, state.Ballots.Keys)}");
            }

            if (parse.GetValue(json))
            {
                output.WriteJson(ResultsDocuments.Ballot(state, ballot));
                return 0;
            }

            ResultsTables.WriteBallot(output.Console, state, ballot);
            return 0;
        }));
        return command;
    }

    private static string Suggest(string wanted, IEnumerable<string> known)
    {
        var close = known.Where(k => k.Contains(wanted, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).Take(5).ToList();
        return close.Count == 0 ? string.Empty : " Did you mean: " + string.Join(", ", close) + "?";
    }
}
