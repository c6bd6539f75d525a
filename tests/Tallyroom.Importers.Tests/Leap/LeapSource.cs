using CsvHelper;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.Tests.TestData;
using Tallyroom.Testing;

namespace Tallyroom.Importers.Tests.Leap;

/// <summary>A LEAP row as a plain CSV read gives it, trimmed, with no rule applied.</summary>
internal sealed record SourceRow(string Council, string CouncilCode, string Ward, string Candidate, string Party, string Votes, string Elected)
{
    public bool IsElected => Elected == "1";
}

/// <summary>
/// A minimal reading of the LEAP files that shares no code with the importer, so that tests take their expected
/// numbers from the data.
/// </summary>
internal static class LeapSource
{
    public static string File2018 { get; } = RawData.Path("leap_teale", "leap-2018-05-03.csv");

    public static string File2016 { get; } = RawData.Path("leap_teale", "leap-2016-05-05.csv");

    public static string File2014 { get; } = RawData.Path("leap_teale", "2014_results.csv");

    /// <summary>The five polls of 3 May 2018 countermanded after a candidate died (SOURCES.md), as (council, ward) in the file.</summary>
    public static IReadOnlyList<(string Council, string Ward)> Countermanded2018 { get; } =
    [
        ("Brent", "Willesden Green"),
        ("Southwark", "London Bridge and West Bermondsey"),
        ("Stockport", "Edgeley and Cheadle Heath"),
        ("Cherwell", "Bicester West"),
        ("Tamworth", "Glascote"),
    ];

    /// <summary>The councils of the 2018 file that held only same-day by-elections (SOURCES.md).</summary>
    public static IReadOnlyList<string> ByElectionOnly2018 { get; } = ["Cheshire West and Chester", "St Edmundsbury", "Warwickshire", "Weymouth and Portland"];

    private static readonly Lazy<IReadOnlyList<SourceRow>> Rows2018 = new(() => Read(File2018));
    private static readonly Lazy<IReadOnlyList<SourceRow>> Rows2016 = new(() => Read(File2016));
    private static readonly Lazy<IReadOnlyList<SourceRow>> Rows2014 = new(() => Read(File2014));

    public static IReadOnlyList<SourceRow> Leap2018 => Rows2018.Value;

    public static IReadOnlyList<SourceRow> Leap2016 => Rows2016.Value;

    public static IReadOnlyList<SourceRow> Leap2014 => Rows2014.Value;

    /// <summary>Elected rows by council name, then by Teale's party code.</summary>
    public static Dictionary<string, Dictionary<string, int>> ElectedByCouncilAndParty(IEnumerable<SourceRow> rows) =>
        rows.Where(r => r.IsElected)
            .GroupBy(r => r.Council)
            .ToDictionary(g => g.Key, g => g.GroupBy(r => r.Party).ToDictionary(p => p.Key, p => p.Count()));

    /// <summary>Teale's code for a party as the importer counts it: the six register parties by id, labels by name.</summary>
    public static string CodeOf(Party party) => party.Id switch
    {
        "PP52" => "C",
        "PP53" => "Lab",
        "PP90" => "LD",
        "PP63" => "Grn",
        "PP85" => "UKIP",
        "IND" => "Ind",
        _ => party.Name,
    };

    private static List<SourceRow> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = false, Separator = ',' }, leaveOpen: true);
        var rows = new List<SourceRow>();
        while (reader.Read())
        {
            var f = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i).Trim()).ToArray();
            if (f.Length == 6)
            {
                if (f[0] != "Ward")
                {
                    rows.Add(new SourceRow(f[1], string.Empty, f[0], f[2], f[3], f[4], f[5]));
                }
            }
            else
            {
                rows.Add(new SourceRow(f[0], f[1], f[2], f[4], f[5], f[6], f[7]));
            }
        }

        return rows;
    }
}
