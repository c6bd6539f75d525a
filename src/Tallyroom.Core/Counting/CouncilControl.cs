using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Counting;

/// <summary>What is known about who controls a council.</summary>
public enum ControlKind
{
    /// <summary>Still open: no party has a majority yet, and one still could.</summary>
    Undecided,

    /// <summary>One party holds at least the majority threshold.</summary>
    Party,

    /// <summary>No overall control: no party has, or can any longer reach, the majority threshold.</summary>
    NoOverallControl,
}

/// <summary>Who controls a council. Immutable.</summary>
/// <param name="Kind">Decided for a party, NOC, or still undecided.</param>
/// <param name="Party">The controlling party when <paramref name="Kind"/> is <see cref="ControlKind.Party"/>.</param>
public sealed record CouncilControl(ControlKind Kind, Party? Party)
{
    /// <summary>The label published for no overall control.</summary>
    public const string NoOverallControlLabel = "No overall control";

    /// <summary>Not yet decided.</summary>
    public static CouncilControl Undecided { get; } = new(ControlKind.Undecided, null);

    /// <summary>No overall control.</summary>
    public static CouncilControl NoOverall { get; } = new(ControlKind.NoOverallControl, null);

    /// <summary>The party's name, "No overall control", or null while undecided.</summary>
    public string? Label => Kind switch
    {
        ControlKind.Party => Party!.Name,
        ControlKind.NoOverallControl => NoOverallControlLabel,
        _ => null,
    };

    /// <summary>
    /// Decides control from the composition so far (continuing seats plus seats declared), the council's size
    /// <c>T</c> and the seats not yet declared <c>R</c>. A party with at least <c>M = floor(T/2) + 1</c> seats has
    /// won control; when every ballot is in, or no party can reach <c>M</c> even with all of <c>R</c>, the council is
    /// under no overall control; otherwise it is undecided.
    /// </summary>
    public static CouncilControl Decide(PartySeats composition, int totalSeats, int seatsUndeclared, bool allDeclared)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var majority = MajorityThreshold(totalSeats);
        var (leader, tied) = composition.Largest();
        var most = leader?.Seats ?? 0;
        if (leader is not null && !tied && most >= majority)
        {
            return new CouncilControl(ControlKind.Party, leader.Party);
        }

        return allDeclared || most + seatsUndeclared < majority ? NoOverall : Undecided;
    }

    /// <summary>The majority threshold <c>M = floor(T/2) + 1</c>.</summary>
    public static int MajorityThreshold(int totalSeats) => (totalSeats / 2) + 1;
}
