using CsvHelper;

namespace Tallyroom.Importers;

/// <summary>Finds a CSV file's columns by name in its header row, refusing a header that lacks one.</summary>
internal static class CsvColumns
{
    /// <summary>
    /// Maps each header name (trimmed; the first of a repeated name wins) to its index. Throws
    /// <see cref="MalformedInputException"/> naming every missing required column and what the file is.
    /// </summary>
    public static Dictionary<string, int> Locate(string path, CsvReader csv, IReadOnlyList<string> required, string fileDescription)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            columns.TryAdd(csv.GetString(i).Trim(), i);
        }

        var missing = required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new MalformedInputException(new SourceLocation(path, checked((int)csv.LineNumber)),
                $"the header lacks {string.Join(", ", missing)}; {fileDescription} needs {string.Join(", ", required)}.");
        }

        return columns;
    }
}
