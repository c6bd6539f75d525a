using System.Globalization;
using Microsoft.VisualBasic.FileIO;
using Tallyroom.Testing;

namespace Tallyroom.Importers.Tests.EveOfPoll;

/// <summary>
/// A minimal reading of Open Council Data's roster and history with a different CSV parser from the importer's, so
/// that the tests' expected numbers come from the data and not from the code under test.
/// </summary>
internal static class OpenCouncilDataSource
{
    public static string Roster2017 { get; } = RawData.Path("opencouncildata", "opencouncildata_councillors_2017.csv");

    public static string History { get; } = RawData.Path("opencouncildata", "history2016-2025.csv");

    private static readonly Lazy<Dictionary<string, Dictionary<string, int>>> Councillors = new(ReadRoster);
    private static readonly Lazy<List<HistorySnapshot>> Snapshots = new(ReadHistory);

    /// <summary>One history row as the file has it, with its physical line.</summary>
    public sealed record HistorySnapshot(int Line, string Authority, int Year, int Total, int Con, int Lab, int Ld, string Majority);

    /// <summary>
    /// Councillors per roster council name, then per party as seats are counted: the register id, with the two
    /// Labour and Co-operative ids as PP53 and the roster's id-less "Independent / Other" as IND.
    /// </summary>
    public static IReadOnlyDictionary<string, Dictionary<string, int>> CouncillorsByParty => Councillors.Value;

    public static IReadOnlyList<HistorySnapshot> HistoryRows => Snapshots.Value;

    public static HistorySnapshot Snapshot(string authority, int year) => HistoryRows.Single(r => r.Authority == authority && r.Year == year);

    /// <summary>The party holding a majority of <paramref name="size"/> seats in the roster's count, or null.</summary>
    public static string? MajorityParty(string council, int size)
    {
        var counts = CouncillorsByParty[council];
        return counts.Where(c => c.Value > size / 2).Select(c => c.Key).SingleOrDefault();
    }

    private static Dictionary<string, Dictionary<string, int>> ReadRoster()
    {
        using var parser = new TextFieldParser(Roster2017) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        int Col(string name) => Array.IndexOf(header, name);
        var result = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        while (parser.ReadFields() is { } f)
        {
            var code = f[Col("Electoral Commission Party Code")];
            var party = code switch
            {
                "" => "IND",
                "PP119" => "PP53",
                _ => code,
            };
            var council = f[Col("Council")];
            if (!result.TryGetValue(council, out var counts))
            {
                result[council] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            counts[party] = counts.GetValueOrDefault(party) + 1;
        }

        return result;
    }

    private static List<HistorySnapshot> ReadHistory()
    {
        using var parser = new TextFieldParser(History) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        int Col(string name) => Array.IndexOf(header, name);
        int Int(string[] f, string name) => int.Parse(f[Col(name)], CultureInfo.InvariantCulture);
        var rows = new List<HistorySnapshot>();
        while (true)
        {
            var line = checked((int)parser.LineNumber);
            if (parser.ReadFields() is not { } f)
            {
                break;
            }

            rows.Add(new HistorySnapshot(line, f[Col("authority")], Int(f, "year"), Int(f, "total"), Int(f, "con"), Int(f, "lab"), Int(f, "ld"), f[Col("majority")]));
        }

        return rows;
    }
}
