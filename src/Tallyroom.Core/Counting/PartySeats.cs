using System.Collections.Immutable;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Counting;

/// <summary>A party's seat count.</summary>
/// <param name="Party">The party.</param>
/// <param name="Seats">Its seats; never zero inside a <see cref="PartySeats"/>.</param>
public sealed record PartyCount(Party Party, int Seats);

/// <summary>
/// Seats by party: an immutable, small, sorted map that adds and subtracts in one pass, so that a declaration
/// updates a council's tally without recounting it. Thread-safe. Arithmetic is checked.
/// </summary>
public sealed class PartySeats
{
    private readonly ImmutableArray<PartyCount> entries; // sorted by Party.Id, ordinal; no zero counts

    private PartySeats(ImmutableArray<PartyCount> entries, int total)
    {
        this.entries = entries;
        Total = total;
    }

    /// <summary>No seats.</summary>
    public static PartySeats Empty { get; } = new([], 0);

    /// <summary>The entries, ordered by party id.</summary>
    public ImmutableArray<PartyCount> Entries => entries;

    /// <summary>All seats counted.</summary>
    public int Total { get; }

    /// <summary>Counts one seat for each party given (a party given twice gets two).</summary>
    public static PartySeats Count(IEnumerable<Party> winners)
    {
        ArgumentNullException.ThrowIfNull(winners);
        var result = Empty;
        foreach (var party in winners)
        {
            result = result.Add(party, 1);
        }

        return result;
    }

    /// <summary>Builds a tally from explicit counts (zero counts are dropped; a negative count is refused).</summary>
    public static PartySeats Of(IEnumerable<PartyCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var given = new List<PartyCount>();
        foreach (var count in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count.Seats);
            if (count.Seats > 0)
            {
                given.Add(count);
            }
        }

        // One sort and one pass rather than an insertion per party; a party given twice keeps its first entry's party.
        var sorted = ImmutableArray.CreateBuilder<PartyCount>(given.Count);
        var total = 0;
        foreach (var count in given.OrderBy(c => c.Party.Id, StringComparer.Ordinal))
        {
            total += count.Seats;
            if (sorted.Count > 0 && sorted[^1].Party.Id == count.Party.Id)
            {
                sorted[^1] = sorted[^1] with { Seats = sorted[^1].Seats + count.Seats };
            }
            else
            {
                sorted.Add(count);
            }
        }

        return new PartySeats(sorted.DrainToImmutable(), total);
    }

    /// <summary>The seats of the party with this id; 0 if none.</summary>
    public int Get(string partyId)
    {
        var index = IndexOf(partyId);
        return index >= 0 ? entries[index].Seats : 0;
    }

    /// <summary>Adds <paramref name="seats"/> (possibly negative) for the party; refuses a result below zero.</summary>
    public PartySeats Add(Party party, int seats)
    {
        ArgumentNullException.ThrowIfNull(party);
        if (seats == 0)
        {
            return this;
        }

        var index = IndexOf(party.Id);
        if (index >= 0)
        {
            var updated = entries[index].Seats + seats;
            if (updated < 0)
            {
                throw new InvalidOperationException($"Seats for {party.Id} would fall below zero.");
            }

            return updated == 0
                ? new PartySeats(entries.RemoveAt(index), Total + seats)
                : new PartySeats(entries.SetItem(index, entries[index] with { Seats = updated }), Total + seats);
        }

        if (seats < 0)
        {
            throw new InvalidOperationException($"Seats for {party.Id} would fall below zero.");
        }

        return new PartySeats(entries.Insert(~index, new PartyCount(party, seats)), Total + seats);
    }

    /// <summary>This tally plus another.</summary>
    public PartySeats Plus(PartySeats other) => Combine(other, 1);

    /// <summary>This tally minus another; refuses a party falling below zero.</summary>
    public PartySeats Minus(PartySeats other) => Combine(other, -1);

    /// <summary>The entries from most seats to fewest, then by party name.</summary>
    public IEnumerable<PartyCount> Ranked() =>
        entries.OrderByDescending(e => e.Seats).ThenBy(e => e.Party.Name, StringComparer.Ordinal);

    /// <summary>The party with the most seats and its count, and whether another party has as many.</summary>
    public (PartyCount? Leader, bool Tied) Largest()
    {
        PartyCount? leader = null;
        var tied = false;
        foreach (var entry in entries)
        {
            if (leader is null || entry.Seats > leader.Seats)
            {
                leader = entry;
                tied = false;
            }
            else if (entry.Seats == leader.Seats)
            {
                tied = true;
            }
        }

        return (leader, tied);
    }

    private PartySeats Combine(PartySeats other, int sign)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = this;
        foreach (var entry in other.entries)
        {
            result = result.Add(entry.Party, sign * entry.Seats);
        }

        return result;
    }

    private int IndexOf(string partyId)
    {
        int low = 0, high = entries.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var order = string.CompareOrdinal(entries[mid].Party.Id, partyId);
            if (order == 0)
            {
                return mid;
            }

            if (order < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }
}
