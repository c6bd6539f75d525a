using CsvHelper;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Importers.EveOfPoll;

/// <summary>One council's sitting councillors in an Open Council Data roster, counted by party. Immutable.</summary>
/// <param name="Name">The council as the roster names it, e.g. "St. Helens".</param>
/// <param name="FirstLine">The line of the council's first councillor.</param>
/// <param name="Seats">Councillors by party (register id; Labour and Co-operative as Labour; independents grouped).</param>
/// <param name="UnregisteredCount">Councillors filed as "Independent / Other" with no register id, counted as Independent.</param>
/// <param name="NamesById">Every party name the roster gives for each register id of this council.</param>
internal sealed record RosterCouncil(
    string Name,
    int FirstLine,
    PartySeats Seats,
    int UnregisteredCount,
    IReadOnlyDictionary<string, IReadOnlyList<string>> NamesById);

/// <summary>
/// Reads Open Council Data's councillors CSV (<c>Council, Ward Name, Councillor Name, Next Election, Party Name,
/// Electoral Commission Party Code</c>): one row per sitting councillor in Great Britain. Thread-safe.
/// </summary>
internal static class CouncillorRoster
{
    /// <summary>Open Council Data's label for a councillor of no registered party: it has no register id.</summary>
    public const string UnregisteredLabel = "Independent / Other";

    private const string CouncilColumn = "Council";
    private const string CouncillorColumn = "Councillor Name";
    private const string PartyNameColumn = "Party Name";
    private const string PartyCodeColumn = "Electoral Commission Party Code";
    private const int ProgressInterval = 1000;

    private static readonly string[] RequiredColumns = [CouncilColumn, CouncillorColumn, PartyNameColumn, PartyCodeColumn];

    private static readonly CsvReaderOptions CsvOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false, // the header is checked by name, so that a missing column is reported clearly
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>
    /// Reads every councillor and counts them per council, in the order the file first names each council. Throws
    /// <see cref="MalformedInputException"/> for a missing column, broken quoting, a row without a council or a file
    /// without councillors.
    /// </summary>
    public static List<RosterCouncil> Read(string path, IProgress<int>? progress)
    {
        var councils = new Dictionary<string, Counting>(StringComparer.Ordinal);
        var order = new List<Counting>();
        try
        {
            using var csv = CsvReader.FromFile(path, CsvOptions);
            if (!csv.Read())
            {
                throw new MalformedInputException(new SourceLocation(path, 1), $"the file is empty; an Open Council Data roster has a header naming {string.Join(", ", RequiredColumns)}.");
            }

            var columns = Header(path, csv);
            var records = 0;
            while (csv.Read())
            {
                var line = checked((int)csv.LineNumber);
                string Field(string column) => columns[column] < csv.FieldCount ? csv.GetString(columns[column]).Trim() : string.Empty;
                var council = Field(CouncilColumn);
                if (council.Length == 0)
                {
                    throw new MalformedInputException(new SourceLocation(path, line), $"{CouncilColumn} is empty; every councillor belongs to a council.");
                }

                if (!councils.TryGetValue(council, out var counting))
                {
                    councils[council] = counting = new Counting(council, line);
                    order.Add(counting);
                }

                counting.Add(Field(PartyCodeColumn), Field(PartyNameColumn));
                if (++records % ProgressInterval == 0)
                {
                    progress?.Report(records);
                }
            }

            progress?.Report(records);
        }
        catch (CsvFormatException e)
        {
            throw new MalformedInputException(new SourceLocation(path, checked((int)Math.Max(1, e.LineNumber))), "the CSV quoting is broken: " + e.Message);
        }

        if (order.Count == 0)
        {
            throw new MalformedInputException(new SourceLocation(path, 1), "the roster has a header but no councillors.");
        }

        return [.. order.Select(c => c.Build())];
    }

    private static Dictionary<string, int> Header(string path, CsvReader csv) =>
        CsvColumns.Locate(path, csv, RequiredColumns, "an Open Council Data roster");

    /// <summary>The party a roster row counts for.</summary>
    internal static Party Resolve(string registerId, string partyName) =>
        // Open Council Data files every councillor of no registered party under one label with no id. Resolved by
        // name it would be a party called "Independent / Other"; they are independents as seat totals group them
        // (DOMAIN.md), and its history file's "other" column counts them with the local parties alike.
        registerId.Length == 0 && partyName == UnregisteredLabel ? PartyCatalog.Independent : PartyCatalog.Resolve(registerId, partyName);

    private sealed class Counting(string name, int firstLine)
    {
        private readonly Dictionary<string, SortedSet<string>> namesById = new(StringComparer.Ordinal);
        private PartySeats seats = PartySeats.Empty;
        private int unregistered;

        public void Add(string registerId, string partyName)
        {
            var party = Resolve(registerId, partyName);
            seats = seats.Add(party, 1);
            if (registerId.Length == 0 && partyName == UnregisteredLabel)
            {
                unregistered++;
            }

            if (registerId.Length > 0)
            {
                if (!namesById.TryGetValue(party.Id, out var names))
                {
                    namesById[party.Id] = names = new SortedSet<string>(StringComparer.Ordinal);
                }

                names.Add(partyName);
            }
        }

        public RosterCouncil Build() => new(
            name,
            firstLine,
            seats,
            unregistered,
            namesById.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value], StringComparer.Ordinal));
    }
}
