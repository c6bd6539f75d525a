using System.Collections.Immutable;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Counting;

/// <summary>One party's line on the scoreboard.</summary>
/// <param name="Party">The party.</param>
/// <param name="Councils">Councils it controls among those fully declared.</param>
/// <param name="Seats">Seats it won at this election in those councils.</param>
public sealed record ScoreboardLine(Party Party, int Councils, int Seats);

/// <summary>
/// The national "State of parties after N of M councils": councils controlled and seats won, counted over the
/// councils fully declared. Immutable; updated incrementally by replacing one council's contribution, so the cost of
/// an update does not grow with the number of councils.
/// </summary>
public sealed record Scoreboard
{
    /// <summary>An empty scoreboard.</summary>
    public static Scoreboard Empty { get; } = new();

    /// <summary>Councils in the election (M).</summary>
    public int CouncilsTotal { get; init; }

    /// <summary>Councils fully declared (N).</summary>
    public int CouncilsDeclared { get; init; }

    /// <summary>Declared councils under no overall control.</summary>
    public int NoOverallControl { get; init; }

    /// <summary>Lines by party id.</summary>
    public ImmutableDictionary<string, ScoreboardLine> ByParty { get; init; } = ImmutableDictionary<string, ScoreboardLine>.Empty;

    /// <summary>The lines as printed: most councils first, then most seats, then name.</summary>
    public IEnumerable<ScoreboardLine> Ranked() => ByParty.Values
        .OrderByDescending(l => l.Councils).ThenByDescending(l => l.Seats).ThenBy(l => l.Party.Name, StringComparer.Ordinal);

    /// <summary>Replaces one council's contribution: <paramref name="before"/> (null for a new council) by <paramref name="after"/>.</summary>
    public Scoreboard Replace(CouncilView? before, CouncilView after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var result = this with { CouncilsTotal = CouncilsTotal + (before is null ? 1 : 0) };
        if (before is { Declared: true })
        {
            result = result.Contribute(before, -1);
        }

        return after.Declared ? result.Contribute(after, 1) : result;
    }

    private Scoreboard Contribute(CouncilView council, int sign)
    {
        var lines = ByParty.ToBuilder();
        var control = council.Control;
        foreach (var entry in council.SeatsWon.Entries)
        {
            Bump(lines, entry.Party, 0, sign * entry.Seats);
        }

        var noc = NoOverallControl;
        if (control.Kind == ControlKind.Party)
        {
            Bump(lines, control.Party!, sign, 0);
        }
        else
        {
            noc += sign;
        }

        return this with { ByParty = lines.ToImmutable(), NoOverallControl = noc, CouncilsDeclared = CouncilsDeclared + sign };
    }

    private static void Bump(ImmutableDictionary<string, ScoreboardLine>.Builder lines, Party party, int councils, int seats)
    {
        var line = lines.TryGetValue(party.Id, out var existing) ? existing : new ScoreboardLine(party, 0, 0);
        line = line with { Councils = line.Councils + councils, Seats = line.Seats + seats };
        if (line is { Councils: 0, Seats: 0 })
        {
            lines.Remove(party.Id);
        }
        else
        {
            lines[party.Id] = line;
        }
    }
}
