using System.Collections.Immutable;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Counting;

/// <summary>One party's line on the scoreboard.</summary>
/// <param name="Party">The party.</param>
/// <param name="Councils">Councils it controls among those fully declared.</param>
/// <param name="CouncilsChange">Councils controlled now minus on the eve of poll, over declared councils with a baseline.</param>
/// <param name="Seats">Seats it won at this election in those councils.</param>
/// <param name="SeatsChange">Seats won minus seats defended, over comparable ballots.</param>
public sealed record ScoreboardLine(Party Party, int Councils, int CouncilsChange, int Seats, int SeatsChange);

/// <summary>
/// The national "State of parties after N of M councils": councils controlled and seats won, with changes, counted
/// over the councils fully declared. Immutable; updated incrementally by replacing one council's contribution, so the
/// cost of an update does not grow with the number of councils.
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

    /// <summary>Declared councils under no overall control now minus on the eve of poll.</summary>
    public int NoOverallControlChange { get; init; }

    /// <summary>Declared councils with no eve-of-poll baseline: left out of every council change.</summary>
    public int CouncilsWithoutBaseline { get; init; }

    /// <summary>Seats declared (in declared councils) with no comparable baseline: left out of every seat change.</summary>
    public int SeatsNotComparable { get; init; }

    /// <summary>Lines by party id.</summary>
    public ImmutableDictionary<string, ScoreboardLine> ByParty { get; init; } = ImmutableDictionary<string, ScoreboardLine>.Empty;

    /// <summary>True when at least one declared council has a baseline, so that changes mean something.</summary>
    public bool HasChanges => CouncilsDeclared > CouncilsWithoutBaseline;

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
        foreach (var entry in council.SeatsWon.Entries)
        {
            Bump(lines, entry.Party, seats: sign * entry.Seats);
        }

        foreach (var change in council.SeatChanges)
        {
            Bump(lines, change.Party, seatsChange: sign * change.Change);
        }

        var result = this with
        {
            CouncilsDeclared = CouncilsDeclared + sign,
            SeatsNotComparable = SeatsNotComparable + (sign * council.SeatsNotComparable),
        };
        var now = council.Control;
        var before = council.ControlBefore;
        if (now.Party is { } controller)
        {
            Bump(lines, controller, councils: sign, councilsChange: before is null ? 0 : sign);
        }
        else
        {
            result = result with
            {
                NoOverallControl = result.NoOverallControl + sign,
                NoOverallControlChange = result.NoOverallControlChange + (before is null ? 0 : sign),
            };
        }

        if (before is null)
        {
            result = result with { CouncilsWithoutBaseline = result.CouncilsWithoutBaseline + sign };
        }
        else if (before.Party is { } previous)
        {
            Bump(lines, previous, councilsChange: -sign);
        }
        else
        {
            result = result with { NoOverallControlChange = result.NoOverallControlChange - sign };
        }

        return result with { ByParty = lines.ToImmutable() };
    }

    private static void Bump(ImmutableDictionary<string, ScoreboardLine>.Builder lines, Party party, int councils = 0, int councilsChange = 0, int seats = 0, int seatsChange = 0)
    {
        var line = lines.TryGetValue(party.Id, out var existing) ? existing : new ScoreboardLine(party, 0, 0, 0, 0);
        line = line with
        {
            Councils = line.Councils + councils,
            CouncilsChange = line.CouncilsChange + councilsChange,
            Seats = line.Seats + seats,
            SeatsChange = line.SeatsChange + seatsChange,
        };
        if (line is { Councils: 0, CouncilsChange: 0, Seats: 0, SeatsChange: 0 })
        {
            lines.Remove(party.Id);
        }
        else
        {
            lines[party.Id] = line;
        }
    }
}
