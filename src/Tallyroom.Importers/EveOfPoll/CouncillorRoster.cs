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

/// <summary>One sitting councillor as an Open Council Data roster lists them. Immutable.</summary>
/// <param name="Line">The physical line of the row.</param>
/// <param name="Council">The council as the roster names it.</param>
/// <param name="Ward">The ward as the roster names it.</param>
/// <param name="Name">The councillor's name as written (titles and honours included).</param>
/// <param name="Party">The party seats are counted for (see <see cref="CouncillorRoster.Resolve"/>).</param>
/// <param name="PartyName">The party name as written, e.g. "Independent / Other".</param>
/// <param name="NextElection">The roster's <c>Next Election</c> as written: the end of the councillor's term, not reliable in old snapshots.</param>
internal sealed record RosterCouncillor(int Line, string Council, string Ward, string Name, Party Party, string PartyName, string NextElection);

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
    private const string WardColumn = "Ward Name";
    private const string NextElectionColumn = "Next Election";
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
        ForEachRow(path, RequiredColumns, progress, (line, field) =>
        {
            var council = field(CouncilColumn);
            if (!councils.TryGetValue(council, out var counting))
            {
                councils[council] = counting = new Counting(council, line);
                order.Add(counting);
            }

            counting.Add(field(PartyCodeColumn), field(PartyNameColumn));
        });
        return [.. order.Select(c => c.Build())];
    }

    /// <summary>
    /// Reads every councillor with their ward, in file order, for comparisons councillor by councillor. Throws
    /// <see cref="MalformedInputException"/> as <see cref="Read"/> does, and for a missing <c>Ward Name</c> or
    /// <c>Next Election</c> column.
    /// </summary>
    public static List<RosterCouncillor> ReadCouncillors(string path)
    {
        var councillors = new List<RosterCouncillor>();
        ForEachRow(path, [.. RequiredColumns, WardColumn, NextElectionColumn], null, (line, field) =>
            councillors.Add(new RosterCouncillor(line, field(CouncilColumn), field(WardColumn), field(CouncillorColumn), Resolve(field(PartyCodeColumn), field(PartyNameColumn)), field(PartyNameColumn), field(NextElectionColumn))));
        return councillors;
    }

    private static void ForEachRow(string path, string[] required, IProgress<int>? progress, Action<int, Func<string, string>> row)
    {
        var records = 0;
        try
        {
            using var csv = CsvReader.FromFile(path, CsvOptions);
            if (!csv.Read())
            {
                throw new MalformedInputException(new SourceLocation(path, 1), $"the file is empty; an Open Council Data roster has a header naming {string.Join(", ", required)}.");
            }

            var columns = CsvColumns.Locate(path, csv, required, "an Open Council Data roster");
            while (csv.Read())
            {
                var line = checked((int)csv.LineNumber);
                string Field(string column) => columns[column] < csv.FieldCount ? csv.GetString(columns[column]).Trim() : string.Empty;
                if (Field(CouncilColumn).Length == 0)
                {
                    throw new MalformedInputException(new SourceLocation(path, line), $"{CouncilColumn} is empty; every councillor belongs to a council.");
                }

                row(line, Field);
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

        if (records == 0)
        {
            throw new MalformedInputException(new SourceLocation(path, 1), "the roster has a header but no councillors.");
        }
    }

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
