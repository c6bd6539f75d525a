using System.Collections.Frozen;
using System.Globalization;
using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Importers.EveOfPoll;

/// <summary>Writes seat counts the way a Source sentence quotes them: "Con 34, Lab 25, LD 3, Ind 1". Thread-safe.</summary>
internal static class SeatLists
{
    private static readonly FrozenDictionary<string, string> ShortLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PartyCatalog.Conservative.Id] = "Con",
        [PartyCatalog.Labour.Id] = "Lab",
        [PartyCatalog.LiberalDemocrats.Id] = "LD",
        [PartyCatalog.Green.Id] = "Grn",
        [PartyCatalog.Ukip.Id] = "UKIP",
        [PartyCatalog.Independent.Id] = "Ind",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The short label newsrooms print for the six parties every table names; any other party's name.</summary>
    public static string Label(Party party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return ShortLabels.GetValueOrDefault(party.Id, party.Name);
    }

    /// <summary>The seats from most to fewest, e.g. "Con 22, Lab 16"; "none" when empty.</summary>
    public static string Of(PartySeats seats)
    {
        ArgumentNullException.ThrowIfNull(seats);
        return seats.Total == 0 ? "none" : string.Join(", ", seats.Ranked().Select(e => Label(e.Party) + " " + Number(e.Seats)));
    }

    /// <summary>A count in invariant digits.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"1 seat", "2 seats".</summary>
    public static string Seats(int count) => Plural.Count(count, "seat", "seats");
}
