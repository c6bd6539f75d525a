using CsvHelper;
using Tallyroom.Importers.Tests.TestData;
using Tallyroom.Testing;

namespace Tallyroom.Importers.Tests.DemocracyClub;

/// <summary>One candidate row of the real Democracy Club file, as a plain reading gives it.</summary>
internal sealed record SourceRow(string ElectionId, string BallotId, string PersonId, string PartyId, string PartyName, int? Votes, bool Winner, string Spoilt);

/// <summary>
/// An independent, minimal reading of the real Democracy Club results file, so that the real-data tests compare the
/// importer against the data rather than against itself: skip the artefact line, read by header name, keep the
/// ordinary local contests (no mayors, no parliament, no by-elections).
/// </summary>
internal static class DemocracyClubSource
{
    public static string ResultsPath { get; } = RawData.Path("democracyclub_2018", "democracyclub-results-2018-05-03.csv");

    public static string WardCodesPath { get; } = RawData.Path("democracyclub_2018", "id_to_gss_local.2018-05-03.csv");

    public static IReadOnlyList<SourceRow> OrdinaryRows { get; } = ReadOrdinaryRows();

    private static List<SourceRow> ReadOrdinaryRows()
    {
        using var text = new StreamReader(ResultsPath);
        Assert.Equal("False", text.ReadLine());
        using var csv = CsvReader.Create(text, CsvReaderOptions.Default with { Separator = ',' });
        var rows = new List<SourceRow>();
        while (csv.Read())
        {
            var ballotId = csv.GetString("ballot_paper_id");
            if (!ballotId.StartsWith("local.", StringComparison.Ordinal) || ballotId.Contains(".by.", StringComparison.Ordinal))
            {
                continue;
            }

            var votes = csv.GetString("ballots_cast");
            rows.Add(new SourceRow(
                csv.GetString("election_id"),
                ballotId,
                csv.GetString("person_id"),
                csv.GetString("party_id"),
                csv.GetString("party_name"),
                votes.Length == 0 ? null : int.Parse(votes, System.Globalization.CultureInfo.InvariantCulture),
                csv.GetString("is_winner") == "True",
                csv.GetString("spoilt_ballots")));
        }

        return rows;
    }
}
