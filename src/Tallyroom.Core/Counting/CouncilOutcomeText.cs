namespace Tallyroom.Core.Counting;

/// <summary>A council's outcome in newsroom English: "Labour gain Plymouth from the Conservatives". Pure; thread-safe.</summary>
public static class CouncilOutcomeText
{
    /// <summary>One sentence naming the council, the party and the previous controller.</summary>
    public static string Sentence(string council, CouncilOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind switch
        {
            OutcomeKind.Hold => $"{Plural(outcome.Party!)} hold {council}",
            OutcomeKind.Gain when outcome.From.Party is { } from => $"{Plural(outcome.Party!)} gain {council} from {The(from)}",
            OutcomeKind.Gain => $"{Plural(outcome.Party!)} gain {council} from no overall control",
            OutcomeKind.LossToNoc => $"{council} lost to no overall control by {The(outcome.Party!)}",
            _ => $"No overall control in {council}, as before",
        };
    }

    private static string Plural(Parties.Party party) => ScoreboardText.DisplayName(party);

    // Newsroom usage: "from Labour", "from UKIP", "from independents", but "from the Conservatives", "from the Liberal Democrats".
    internal static string The(Parties.Party party) => party.Id switch
    {
        "PP53" or "PP85" => Plural(party),
        "IND" => "independents",
        _ => "the " + Plural(party),
    };
}
