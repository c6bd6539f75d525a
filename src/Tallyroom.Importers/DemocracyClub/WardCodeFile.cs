using System.Globalization;
using CsvHelper;

namespace Tallyroom.Importers.DemocracyClub;

/// <summary>
/// Reads a Democracy Club <c>ballot_id,gss_code</c> file (from EveryElection), which gives the ONS ward code of each
/// ballot. Thread-safe (no state).
/// </summary>
internal static class WardCodeFile
{
    private const string BallotIdColumn = "ballot_id";
    private const string CodeColumn = "gss_code";

    /// <summary>The codes by ballot id. Throws <see cref="MalformedInputException"/> for a malformed file.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = false, TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw };
        using var csv = CsvReader.FromFile(path, options);
        try
        {
            return Read(path, csv);
        }
        catch (CsvFormatException e)
        {
            throw new MalformedInputException(new SourceLocation(path, LineOf(e)), e.Message);
        }
    }

    private static Dictionary<string, string> Read(string path, CsvReader csv)
    {
        if (!csv.Read())
        {
            throw new MalformedInputException(new SourceLocation(path, 1), $"The ward-code file is empty: it needs a header with the columns {BallotIdColumn} and {CodeColumn}.");
        }

        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim()).ToList();
        var idColumn = header.IndexOf(BallotIdColumn);
        var codeColumn = header.IndexOf(CodeColumn);
        if (idColumn < 0 || codeColumn < 0)
        {
            throw new MalformedInputException(new SourceLocation(path, Line(csv)), $"The header lacks the column {(idColumn < 0 ? BallotIdColumn : CodeColumn)}: a ward-code file has the columns {BallotIdColumn} and {CodeColumn}.");
        }

        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var ballotId = csv.GetString(idColumn).Trim();
            var code = csv.GetString(codeColumn).Trim();
            if (ballotId.Length == 0)
            {
                throw new MalformedInputException(new SourceLocation(path, Line(csv)), $"{BallotIdColumn}: empty; every row names the ballot its code is for.");
            }

            if (code.Length == 0)
            {
                // A ballot without a code is simply not looked up by code.
                continue;
            }

            if (codes.TryGetValue(ballotId, out var earlier) && earlier != code)
            {
                throw new MalformedInputException(new SourceLocation(path, Line(csv)),
                    $"{CodeColumn}: ballot {ballotId} is given code {code} here and {earlier} on line {lines[ballotId].ToString(CultureInfo.InvariantCulture)}; a ballot has one ward code.");
            }

            codes[ballotId] = code;
            lines.TryAdd(ballotId, Line(csv));
        }

        return codes;
    }

    private static int Line(CsvReader csv) => checked((int)csv.LineNumber);

    private static int LineOf(CsvFormatException e) => e.LineNumber > 0 ? checked((int)e.LineNumber) : 1;
}
