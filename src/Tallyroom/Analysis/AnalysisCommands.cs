using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tallyroom.Core.Analysis;
using Tallyroom.Hosting;

namespace Tallyroom.Analysis;

/// <summary><c>tallyroom targets</c>: the swing a party needs for control of a council, and its target list.</summary>
internal static class AnalysisCommands
{
    public static Command Targets()
    {
        var db = CommonOptions.Database();
        var json = CommonOptions.Json();
        var slug = new Argument<string>("council-slug") { Description = "The council's slug, as in Democracy Club ids, e.g. westminster." };
        var party = new Option<string?>("--party") { Description = "The party the swing is to, as you would type it: Labour, PP53, or any party's name or register id in this election." };
        var from = new Option<string?>("--from") { Description = "The one opponent the swing comes from (default: in each ward, the parties whose seats it would take)." };
        var method = new Option<string>("--method") { Description = "Share method: top (each party's best candidate), average or total.", DefaultValueFactory = _ => "top" };
        var basis = new Option<string>("--basis") { Description = "previous: every seat on last time's shares (the convention); declared: declared seats as declared.", DefaultValueFactory = _ => "previous" };
        var at = new Option<long?>("--at") { Description = "As the log stood at this revision." };
        var command = new Command("targets", "The swing a party needs for control of a council, and the seats it would take, in order.") { slug, party, from, method, basis, db, json, at };
        command.SetAction((parse, ct) => CliOutput.For(parse).RunAsync(async () =>
        {
            var output = CliOutput.For(parse);
            var shareMethod = AnalysisInputs.Method(parse.GetValue(method))
                ?? throw new CommandException($"--method: '{parse.GetValue(method)}' is not one of {AnalysisInputs.MethodChoices}.");
            var targetBasis = AnalysisInputs.Basis(parse.GetValue(basis))
                ?? throw new CommandException($"--basis: '{parse.GetValue(basis)}' is not one of {AnalysisInputs.BasisChoices}.");
            if (string.IsNullOrWhiteSpace(parse.GetValue(party)))
            {
                throw new CommandException("--party: name the party the swing is to, e.g. --party Labour.");
            }

            var state = await ElectionDatabase.ReadStateAsync(parse.GetValue(db)!, parse.GetValue(at), ct).ConfigureAwait(false);
            var wanted = parse.GetValue(slug)!;
            if (!state.Councils.TryGetValue(wanted, out var council))
            {
                throw new CommandException($"council-slug: no council '{wanted}' in this election.{AnalysisInputs.Suggest(wanted, state.Councils.Keys)}");
            }

            var to = AnalysisInputs.Party(state, council, parse.GetValue(party)!)
                ?? throw new CommandException($"--party: no party '{parse.GetValue(party)}' in this election.");
            if (!AnalysisInputs.Stands(state, council, to))
            {
                throw new CommandException($"--party: {to.Name} has no candidate in {council.Definition.Name}.");
            }

            var opponent = parse.GetValue(from) is { } fromText
                ? AnalysisInputs.Party(state, council, fromText) ?? throw new CommandException($"--from: no party '{fromText}' in this election.")
                : null;
            if (opponent is not null && opponent.Id == to.Id)
            {
                throw new CommandException($"--from: the swing to {to.Name} cannot come from {to.Name}.");
            }

            var options = new TargetOptions { Method = shareMethod, From = opponent, Basis = targetBasis };
            var target = SwingNeeded.ForControl(state, council, to, options);
            var defence = SwingNeeded.ToLoseControl(state, council, options with { From = null });
            var document = AnalysisDocuments.Targets(state, council, target, defence);
            if (parse.GetValue(json))
            {
                output.WriteJson(document);
                return 0;
            }

            await WriteAsync(output, document, defence is null ? null : AnalysisText.Sentence(council.Definition.Name, defence)).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static async Task WriteAsync(CliOutput output, TargetsDocument document, string? defence)
    {
        // Sentences go straight to the output, unwrapped, so they can be copied whole; only the table is drawn.
        await output.Output.WriteLineAsync(document.Summary).ConfigureAwait(false);
        if (defence is not null)
        {
            await output.Output.WriteLineAsync(defence).ConfigureAwait(false);
        }

        if (document.Targets.Count == 0)
        {
            await output.Output.WriteLineAsync("No seats to target.").ConfigureAwait(false);
        }
        else
        {
            var table = new Table().AddColumns("#", "Ward", "Seat", "Swing needed", "Held by");
            var rank = 0;
            foreach (var target in document.Targets)
            {
                table.AddRow(Invariant($"{++rank}"), Markup.Escape(target.Ward), Invariant($"{target.Seat}"), Invariant($"{target.Swing:0.00}"), Markup.Escape(target.Holder));
            }

            output.Console.Write(table);
        }

        await output.Output.WriteLineAsync(Invariant($"(revision {document.Revision}; {ShareMethods.Name(document.Method)} shares; swing in points)")).ConfigureAwait(false);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
