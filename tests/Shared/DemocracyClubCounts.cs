using Microsoft.VisualBasic.FileIO;

namespace Tallyroom.Testing;

/// <summary>
/// An independent, minimal reading of the Democracy Club results file (a different CSV parser from the importer's),
/// so that expected numbers come from the data and not from the code under test.
/// </summary>
internal static class DemocracyClubCounts
{
    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(Read);

    /// <summary>A candidate row of an ordinary local contest.</summary>
    public sealed record Row(string Council, string BallotId, string PartyId, string PartyName, string Person, int Votes, bool Winner);

    public static IReadOnlyList<Row> OrdinaryLocalRows => Rows.Value;

    /// <summary>Winners per council, keyed by the party as the source names it after folding Labour Co-op into Labour.</summary>
    public static IReadOnlyDictionary<string, int> WinnersByParty(string council) => OrdinaryLocalRows
        .Where(r => r.Council == council && r.Winner)
        .GroupBy(r => r.PartyName == "Labour and Co-operative Party" ? "Labour Party" : r.PartyName)
        .ToDictionary(g => g.Key, g => g.Count());

    private static List<Row> Read()
    {
        using var reader = new StreamReader(RawData.DemocracyClubResults);
        reader.ReadLine(); // line 1 is the artefact "False"; the header follows
        using var parser = new TextFieldParser(reader) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        int Col(string name) => Array.IndexOf(header, name);
        var rows = new List<Row>();
        while (parser.ReadFields() is { } f)
        {
            var election = f[Col("election_id")];
            var ballot = f[Col("ballot_paper_id")];
            if (!election.StartsWith("local.", StringComparison.Ordinal) || ballot.Contains(".by.", StringComparison.Ordinal))
            {
                continue;
            }

            rows.Add(new Row(election.Split('.')[1], ballot, f[Col("party_id")], f[Col("party_name")], f[Col("person_id")],
                int.Parse(f[Col("ballots_cast")], System.Globalization.CultureInfo.InvariantCulture), f[Col("is_winner")] == "True"));
        }

        return rows;
    }
}
