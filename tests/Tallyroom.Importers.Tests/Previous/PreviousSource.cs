using System.Globalization;
using Microsoft.VisualBasic.FileIO;
using Tallyroom.Core.Parties;
using Tallyroom.Testing;

namespace Tallyroom.Importers.Tests.Previous;

/// <summary>A GLA 2014 candidate row as a plain CSV read gives it.</summary>
internal sealed record GlaRow(string WardCode, string Borough, string Party, string PartyLong, int Votes, bool Elected)
{
    /// <summary>The party as seats are compared: the GLA code for the six register parties, else the long name.</summary>
    public string Key => PreviousSource.SixCodes.ContainsKey(Party) ? Party : PartyLong;
}

/// <summary>A candidate row of the headerless LEAP 2016 file, with its ward code.</summary>
internal sealed record Leap2016Row(string Council, string WardCode, string Party, int Votes, bool Elected);

/// <summary>
/// Minimal readings of the GLA file, the ONS ward code changes, the Democracy Club ward codes and the Open Council
/// Data history, sharing no code with the importers, so that the tests take their expected numbers from the data.
/// </summary>
internal static class PreviousSource
{
    public static readonly DateOnly PollingDay2014 = new(2014, 5, 22);

    /// <summary>The GLA's codes for the six parties the importers count by register id, by that id.</summary>
    public static readonly IReadOnlyDictionary<string, string> SixCodes = new Dictionary<string, string>
    {
        ["LAB"] = "PP53",
        ["CON"] = "PP52",
        ["LD"] = "PP90",
        ["GRE"] = "PP63",
        ["UKIP"] = "PP85",
        ["IND"] = "IND",
    };

    private static readonly Lazy<IReadOnlyList<GlaRow>> GlaRows = new(ReadGla);
    private static readonly Lazy<IReadOnlyList<Leap2016Row>> Leap2016Rows = new(() => ReadCsv(RawData.Path("leap_teale", "leap-2016-05-05.csv"))
        .Select(f => new Leap2016Row(f[0].Trim(), f[3].Trim(), f[5].Trim(), int.Parse(f[6], CultureInfo.InvariantCulture), f[7] == "1"))
        .ToList());

    private static readonly Lazy<IReadOnlyList<string[]>> ChangeRows = new(() => ReadCsv(WardCodeChangesFile).Skip(1).ToList());

    public static string GlaFile => RawData.Path("gla_london_2014", "london_council_election_2014_ward.csv");

    public static string WardCodeChangesFile => RawData.Path("ons_ward_lookups", "wards_2018_to_2014.csv");

    public static IReadOnlyList<GlaRow> Gla => GlaRows.Value;

    /// <summary>The LEAP 2016 rows, in file order, with their ward codes (which LeapSource leaves out).</summary>
    public static IReadOnlyList<Leap2016Row> Leap2016 => Leap2016Rows.Value;

    /// <summary>The ward codes the ONS file makes new (GEOGCD unlike GEOGCD_P) by a change in force after <paramref name="day"/>.</summary>
    public static HashSet<string> CodesNewAfter(DateOnly day) => ChangeRows.Value
        .Where(r => r[0] != r[3] && DateOnly.ParseExact(r[8], "dd/MM/yyyy", CultureInfo.InvariantCulture) > day)
        .Select(r => r[0])
        .ToHashSet();

    /// <summary>Democracy Club's ward code of every 2018 ballot.</summary>
    public static Dictionary<string, string> WardCodes2018() => File.ReadLines(RawData.DemocracyClubWardCodes)
        .Skip(1)
        .Select(l => l.Split(','))
        .ToDictionary(f => f[0], f => f[1]);

    /// <summary>Open Council Data's council sizes in a year, by authority name.</summary>
    public static Dictionary<string, int> CouncilSizes(int year) => ReadCsv(RawData.Path("opencouncildata", "history2016-2025.csv"))
        .Skip(1)
        .Where(f => f[3] == year.ToString(CultureInfo.InvariantCulture))
        .ToDictionary(f => f[2], f => int.Parse(f[4], CultureInfo.InvariantCulture));

    /// <summary>The key a party is compared by with <see cref="GlaRow.Key"/>.</summary>
    public static string GlaKeyOf(Party party) =>
        SixCodes.FirstOrDefault(p => p.Value == party.Id).Key ?? party.Name;

    private static List<GlaRow> ReadGla()
    {
        var rows = ReadCsv(GlaFile);
        var header = rows[0];
        int Col(string name) => Array.IndexOf(header, name);
        return [.. rows.Skip(1).Select(f => new GlaRow(
            f[Col("Ward_code")],
            f[Col("Borough_name")],
            f[Col("party")],
            f[Col("party_long")],
            int.Parse(f[Col("number_votes")], NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
            f[Col("elected_flag")].Equals("yes", StringComparison.OrdinalIgnoreCase)))];
    }

    private static List<string[]> ReadCsv(string path)
    {
        // StreamReader drops the byte-order mark the GLA file starts with.
        using var parser = new TextFieldParser(new StreamReader(path)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (parser.ReadFields() is { } fields)
        {
            rows.Add(fields);
        }

        return rows;
    }
}
