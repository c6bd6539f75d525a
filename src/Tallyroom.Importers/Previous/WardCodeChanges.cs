using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;

namespace Tallyroom.Importers.Previous;

/// <summary>One row of ONS's ward code history: a ward code that replaced another (or kept it, when only the name changed). Immutable.</summary>
/// <param name="Line">The row's line.</param>
/// <param name="Code">The newer code (<c>GEOGCD</c>).</param>
/// <param name="Name">The newer name (<c>GEOGNM</c>).</param>
/// <param name="PreviousCode">The code it replaced (<c>GEOGCD_P</c>); the same code for a change of name only.</param>
/// <param name="PreviousName">The name before (<c>GEOGNM_P</c>).</param>
/// <param name="Order">The statutory instrument or kind of change (<c>SI_TITLE</c>), e.g. "Name Change".</param>
/// <param name="InForce">The day the change came into force (<c>OPER_DATE</c>).</param>
internal sealed record WardCodeChange(int Line, string Code, string Name, string PreviousCode, string PreviousName, string Order, DateOnly InForce)
{
    /// <summary>True when the code itself changed, which ONS does only when the boundary changed.</summary>
    public bool IsNewCode => Code != PreviousCode;
}

/// <summary>
/// ONS's ward code changes between two dates (e.g. <c>wards_2018_to_2014.csv</c>): which codes are new, since when,
/// and which wards were only renamed. Immutable after reading; thread-safe.
/// </summary>
internal sealed partial class WardCodeChanges
{
    private const string CodeColumn = "GEOGCD";
    private const string NameColumn = "GEOGNM";
    private const string PreviousCodeColumn = "GEOGCD_P";
    private const string PreviousNameColumn = "GEOGNM_P";
    private const string OrderColumn = "SI_TITLE";
    private const string InForceColumn = "OPER_DATE";
    private static readonly string[] RequiredColumns = [CodeColumn, NameColumn, PreviousCodeColumn, PreviousNameColumn, OrderColumn, InForceColumn];

    private readonly List<WardCodeChange> changes;
    private readonly ILookup<string, WardCodeChange> byCode;
    private readonly ILookup<string, WardCodeChange> byPreviousCode;

    private WardCodeChanges(string path, List<WardCodeChange> changes, List<int> malformedPreviousCodes)
    {
        Path = path;
        MalformedPreviousCodeLines = malformedPreviousCodes;
        this.changes = changes;
        byCode = changes.ToLookup(c => c.Code, StringComparer.Ordinal);
        byPreviousCode = changes.Where(c => c.IsNewCode).ToLookup(c => c.PreviousCode, StringComparer.Ordinal);
    }

    /// <summary>The file, as the user named it.</summary>
    public string Path { get; }

    /// <summary>
    /// The lines whose previous code (<c>GEOGCD_P</c>) is not a well-formed ONS code (ONS's 2014-2018 file has three,
    /// e.g. <c>E0500534</c>). Such a code only names what a ward replaced, so the row is kept, but the code is left
    /// out of <see cref="NewestCodeInUseOn"/>.
    /// </summary>
    public IReadOnlyList<int> MalformedPreviousCodeLines { get; }

    /// <summary>
    /// Reads the file. Throws <see cref="MalformedInputException"/> (file:line, column, rule) for a missing column, an
    /// empty or malformed code, or a date that is not dd/mm/yyyy.
    /// </summary>
    public static WardCodeChanges Read(string path)
    {
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = false, TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw };
        using var csv = CsvReader.FromFile(path, options);
        try
        {
            var malformed = new List<int>();
            return new WardCodeChanges(path, ReadRows(path, csv, malformed), malformed);
        }
        catch (CsvFormatException e)
        {
            throw new MalformedInputException(new SourceLocation(path, e.LineNumber > 0 ? checked((int)e.LineNumber) : 1), "the CSV quoting is broken: " + e.Message);
        }
    }

    /// <summary>The changes that gave <paramref name="code"/> to a redrawn ward after <paramref name="day"/>; empty if none.</summary>
    public IReadOnlyList<WardCodeChange> NewCodeAfter(string code, DateOnly day) =>
        [.. byCode[code].Where(c => c.IsNewCode && c.InForce > day)];

    /// <summary>The names the ward with this (unchanged) code had before renames that came into force after <paramref name="day"/>.</summary>
    public IReadOnlyList<string> NamesBefore(string code, DateOnly day) =>
        [.. byCode[code].Where(c => !c.IsNewCode && c.InForce > day).Select(c => c.PreviousName)];

    /// <summary>
    /// True when the change is one to one: the new code has this one predecessor, and the predecessor no other
    /// successor, under the same name. Such a change may look like a mere re-coding, but ONS issues a new code only
    /// when the boundary changes.
    /// </summary>
    public bool IsOneToOne(WardCodeChange change) =>
        byCode[change.Code].Count(c => c.IsNewCode) == 1
        && byPreviousCode[change.PreviousCode].Count() == 1
        && Core.Slug.ForMatching(change.Name) == Core.Slug.ForMatching(change.PreviousName);

    /// <summary>
    /// The highest code the file shows in use on <paramref name="day"/>: the new codes in force by then and the codes
    /// they replaced. ONS issues codes in sequence and never reuses one, so a code of the same kind above it was
    /// issued after that day. Null when no change of the file came into force by then.
    /// </summary>
    public string? NewestCodeInUseOn(DateOnly day) =>
        changes.Where(c => c.InForce <= day)
            .SelectMany(c => new[] { c.Code, c.PreviousCode })
            .Where(code => GssCode().IsMatch(code))
            .Max(StringComparer.Ordinal);

    private static List<WardCodeChange> ReadRows(string path, CsvReader csv, List<int> malformedPreviousCodes)
    {
        if (!csv.Read())
        {
            throw new MalformedInputException(new SourceLocation(path, 1), $"the file is empty: a ward code-changes file has a header naming {string.Join(", ", RequiredColumns)}.");
        }

        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim().TrimStart('\uFEFF')).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new MalformedInputException(new SourceLocation(path, Line(csv)),
                $"the header lacks {string.Join(", ", missing)}: a ward code-changes file (ONS code history) has the columns {string.Join(", ", RequiredColumns)}.");
        }

        var columns = RequiredColumns.ToDictionary(c => c, header.IndexOf, StringComparer.Ordinal);
        var rows = new List<WardCodeChange>();
        while (csv.Read())
        {
            var line = Line(csv);
            string Field(string column) => csv.GetString(columns[column]).Trim();
            var where = new SourceLocation(path, line);
            var code = Code(where, Field(CodeColumn), CodeColumn);
            var previous = Field(PreviousCodeColumn);
            if (previous.Length == 0)
            {
                throw new MalformedInputException(where, $"{PreviousCodeColumn} is empty; every row names the code the ward had before (the same code for a change of name only).");
            }

            if (!GssCode().IsMatch(previous))
            {
                malformedPreviousCodes.Add(line);
            }
            var inForce = Field(InForceColumn);
            if (!DateOnly.TryParseExact(inForce, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new MalformedInputException(where, $"{InForceColumn} '{inForce}' is not a date written dd/mm/yyyy (the day the change came into force).");
            }

            rows.Add(new WardCodeChange(line, code, Field(NameColumn), previous, Field(PreviousNameColumn), Field(OrderColumn), day));
        }

        return rows;
    }

    private static string Code(SourceLocation where, string value, string column) =>
        GssCode().IsMatch(value) ? value : throw new MalformedInputException(where, $"{column} '{value}' is not an ONS code (a letter and eight digits, e.g. E05000026).");

    private static int Line(CsvReader csv) => checked((int)csv.LineNumber);

    [GeneratedRegex("^[A-Z][0-9]{8}$", RegexOptions.CultureInvariant)]
    internal static partial Regex GssCode();
}
