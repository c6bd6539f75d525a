using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Counting;

/// <summary>A party's seats won against the seats it defended, over comparable ballots.</summary>
/// <param name="Party">The party.</param>
/// <param name="Change">Seats won minus seats defended; may be negative.</param>
public sealed record SeatChange(Party Party, int Change)
{
    /// <summary>Won minus defended, for every party in either, ordered by party id.</summary>
    public static IReadOnlyList<SeatChange> Between(PartySeats won, PartySeats defended)
    {
        ArgumentNullException.ThrowIfNull(won);
        ArgumentNullException.ThrowIfNull(defended);
        var parties = won.Entries.Select(e => e.Party).Concat(defended.Entries.Select(e => e.Party)).DistinctBy(p => p.Id).OrderBy(p => p.Id, StringComparer.Ordinal);
        return [.. parties.Select(p => new SeatChange(p, won.Get(p.Id) - defended.Get(p.Id)))];
    }
}
