using CsvHelper;
using Tallyroom.Core.Counting;

namespace Tallyroom.Importers.Validation;

/// <summary>
/// Reads the curated explanations file (<c>council,explanation</c>, one row per council): facts checked by hand in
/// the data files, for differences the comparison cannot put down to a cause by itself. Each explanation should say
/// which file and lines it rests on; the report shows it as explained by hand. Thread-safe.
/// </summary>
internal static class HandExplanations
{
    private static readonly string[] Columns = ["council", "explanation"];

    /// <summary>The explanations by council slug, each ending with where it was read (file:line).</summary>
    /// <exception cref="MalformedInputException">A column is missing, a field is empty, a council is not in the election or named twice.</exception>
    public static Dictionary<string, string> Read(string path, ElectionState ours)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(ours);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var csv = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',', HasHeader = false, TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw });
            if (!csv.Read())
            {
                throw new MalformedInputException(new SourceLocation(path, 1), "the file is empty; it has a header naming council, explanation.");
            }

            var columns = CsvColumns.Locate(path, csv, Columns, "an explanations file");
            while (csv.Read())
            {
                var line = checked((int)csv.LineNumber);
                string Field(string column) => columns[column] < csv.FieldCount ? csv.GetString(columns[column]).Trim() : string.Empty;
                var (council, explanation) = (Field("council"), Field("explanation"));
                if (!ours.Councils.ContainsKey(council))
                {
                    throw new MalformedInputException(new SourceLocation(path, line), $"council: '{council}' is not a council of the election (use its slug, e.g. trafford).");
                }

                if (explanation.Length == 0)
                {
                    throw new MalformedInputException(new SourceLocation(path, line), "explanation: empty; say what happened and which file and lines show it.");
                }

                if (!result.TryAdd(council, $"{explanation} ({Path.GetFileName(path)}:{line})"))
                {
                    throw new MalformedInputException(new SourceLocation(path, line), $"council: '{council}' has a row already; give one explanation a council.");
                }
            }
        }
        catch (CsvFormatException e)
        {
            throw new MalformedInputException(new SourceLocation(path, checked((int)Math.Max(1, e.LineNumber))), "the CSV quoting is broken: " + e.Message);
        }

        return result;
    }
}
