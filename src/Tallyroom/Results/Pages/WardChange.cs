using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;

namespace Tallyroom.Results.Pages;

/// <summary>
/// A declared ward against the seats it defended: "Labour gain from Conservative", "Conservative hold", or, where
/// the ward was redrawn and no notional result was supplied, "Not comparable" (never an invented change). Immutable.
/// </summary>
/// <param name="Gain">True when a party won more seats than it defended: the seat changed hands.</param>
/// <param name="Comparable">False when there is nothing like-for-like to compare with.</param>
/// <param name="Text">The change in words.</param>
internal sealed record WardChange(bool Gain, bool Comparable, string Text)
{
    public static WardChange? Of(BallotView ballot)
    {
        if (!ballot.HasResult)
        {
            return null;
        }

        if (ballot.Baseline is not { Kind: not BaselineKind.NotComparable } baseline)
        {
            return new(false, false, "Not comparable");
        }

        var changes = SeatChange.Between(ballot.SeatsWon, PartySeats.Of(baseline.Defended)).Where(c => c.Change != 0).ToList();
        if (changes.Count == 0)
        {
            var holders = ballot.SeatsWon.Ranked().ToList();
            return new(false, true, holders.Count == 1 ? holders[0].Party.Name + " hold" : "No change");
        }

        var gainers = changes.Where(c => c.Change > 0).ToList();
        var losers = changes.Where(c => c.Change < 0).ToList();
        if (gainers.Count == 1 && losers.Count == 1)
        {
            var seats = gainers[0].Change == 1 ? "" : " " + PageFormat.Number(gainers[0].Change);
            return new(true, true, $"{gainers[0].Party.Name} gain{seats} from {losers[0].Party.Name}");
        }

        return new(true, true, string.Join(", ", changes.OrderByDescending(c => c.Change).ThenBy(c => c.Party.Name, StringComparer.Ordinal)
            .Select(c => $"{c.Party.Name} {PageFormat.Sign(c.Change)}")));
    }
}
