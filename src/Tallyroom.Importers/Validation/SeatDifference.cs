using System.Collections.Immutable;
using System.Globalization;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.EveOfPoll;

namespace Tallyroom.Importers.Validation;

/// <summary>
/// Seats by party that may be negative: one composition minus another, or the part of such a difference that an
/// explanation accounts for. Immutable; entries are ordered by party id and never zero.
/// </summary>
public sealed class SeatDifference : IEquatable<SeatDifference>
{
    private SeatDifference(ImmutableArray<PartyCount> entries) => Entries = entries;

    /// <summary>No difference.</summary>
    public static SeatDifference Empty { get; } = new([]);

    /// <summary>The parties whose count differs, by party id, each with its (signed, non-zero) count.</summary>
    public ImmutableArray<PartyCount> Entries { get; }

    /// <summary>True when no party's count differs.</summary>
    public bool IsEmpty => Entries.IsEmpty;

    /// <summary><paramref name="first"/> minus <paramref name="second"/>, party by party.</summary>
    public static SeatDifference Between(PartySeats first, PartySeats second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Empty.Plus(first.Entries, 1).Plus(second.Entries, -1);
    }

    /// <summary>One seat more for <paramref name="more"/> and one fewer for <paramref name="fewer"/>; empty when they are one party.</summary>
    public static SeatDifference Moved(Party more, Party fewer) => Empty.Add(more, 1).Add(fewer, -1);

    /// <summary>This difference with <paramref name="seats"/> more for <paramref name="party"/>.</summary>
    public SeatDifference Add(Party party, int seats)
    {
        ArgumentNullException.ThrowIfNull(party);
        var current = Entries.FirstOrDefault(e => e.Party.Id == party.Id);
        var updated = checked((current?.Seats ?? 0) + seats);
        var others = Entries.Where(e => e.Party.Id != party.Id);
        return new SeatDifference([.. (updated == 0 ? others : others.Append(new PartyCount(current?.Party ?? party, updated))).OrderBy(e => e.Party.Id, StringComparer.Ordinal)]);
    }

    /// <summary>This difference plus another.</summary>
    public SeatDifference Plus(SeatDifference other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Plus(other.Entries, 1);
    }

    /// <summary>This difference minus another.</summary>
    public SeatDifference Minus(SeatDifference other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Plus(other.Entries, -1);
    }

    /// <summary>"Con +1, Lab −1": the parties as newsrooms label them, largest change first; "none" when empty.</summary>
    public override string ToString() => IsEmpty
        ? "none"
        : string.Join(", ", Entries.OrderByDescending(e => e.Seats).ThenBy(e => SeatLists.Label(e.Party), StringComparer.Ordinal)
            .Select(e => SeatLists.Label(e.Party) + " " + (e.Seats > 0 ? "+" : "−") + Math.Abs(e.Seats).ToString(CultureInfo.InvariantCulture)));

    /// <inheritdoc />
    public bool Equals(SeatDifference? other) =>
        other is not null && Entries.Select(e => (e.Party.Id, e.Seats)).SequenceEqual(other.Entries.Select(e => (e.Party.Id, e.Seats)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SeatDifference);

    /// <inheritdoc />
    public override int GetHashCode() => Entries.Aggregate(0, (hash, e) => HashCode.Combine(hash, e.Party.Id, e.Seats));

    private SeatDifference Plus(IEnumerable<PartyCount> counts, int sign) =>
        counts.Aggregate(this, (sum, c) => sum.Add(c.Party, sign * c.Seats));
}
