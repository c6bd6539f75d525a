using System.Globalization;
using CsvHelper;
using Tallyroom.Core;

namespace Tallyroom.Importers.EveOfPoll;

/// <summary>
/// One council-control snapshot of Open Council Data's history file: the council's size and seats by party group in
/// one year, and its <c>majority</c> label (<c>Con</c>, <c>Lab plurality</c>, <c>Other</c>, …). Immutable.
/// </summary>
internal sealed record HistoryRow
{
    /// <summary>The physical line of the row.</summary>
    public required int Line { get; init; }

    /// <summary>The council as the file names it.</summary>
    public required string Authority { get; init; }

    /// <summary>The snapshot's year.</summary>
    public required int Year { get; init; }

    /// <summary>The council's size, vacancies included.</summary>
    public required int Total { get; init; }

    /// <summary>Conservative seats.</summary>
    public required int Con { get; init; }

    /// <summary>Labour seats.</summary>
    public required int Lab { get; init; }

    /// <summary>Liberal Democrat seats.</summary>
    public required int LiberalDemocrats { get; init; }

    /// <summary>Green seats.</summary>
    public required int Green { get; init; }

    /// <summary>UKIP seats.</summary>
    public required int Ukip { get; init; }

    /// <summary>Every other seat: the file's <c>ref</c>, <c>pc</c>, <c>snp</c> and <c>other</c> columns together.</summary>
    public required int Other { get; init; }

    /// <summary>The <c>majority</c> label, trimmed.</summary>
    public required string Majority { get; init; }

    /// <summary>Seats the party columns leave out: vacancies.</summary>
    public int Vacant => Total - Con - Lab - LiberalDemocrats - Green - Ukip - Other;

    /// <summary>The facts in which this row differs from <paramref name="other"/>, e.g. "con 33 against 34".</summary>
    public string Differences(HistoryRow other)
    {
        (string Column, string Mine, string Theirs)[] facts =
        [
            ("total", N(Total), N(other.Total)), ("con", N(Con), N(other.Con)), ("lab", N(Lab), N(other.Lab)),
            ("ld", N(LiberalDemocrats), N(other.LiberalDemocrats)), ("green", N(Green), N(other.Green)), ("ukip", N(Ukip), N(other.Ukip)),
            ("ref+pc+snp+other", N(Other), N(other.Other)), ("majority", $"'{Majority}'", $"'{other.Majority}'"),
        ];
        return string.Join(", ", facts.Where(f => f.Mine != f.Theirs).Select(f => $"{f.Column} {f.Mine} against {f.Theirs}"));

        static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>True when the two rows state the same facts (their lines and id columns aside).</summary>
    public bool SameFacts(HistoryRow other) => this with { Line = 0, Authority = string.Empty } == other with { Line = 0, Authority = string.Empty };
}

/// <summary>
/// Reads Open Council Data's council-control history (<c>id, council id, authority, year, total, con, lab, ld, green,
/// ukip, ref, pc, snp, other, majority</c>), keeping the rows of the years asked for. Thread-safe.
/// </summary>
internal static class CouncilHistory
{
    /// <summary>How the history file beside a roster is found: Open Council Data names it <c>history&lt;from&gt;-&lt;to&gt;.csv</c>.</summary>
    public const string FilePattern = "history*.csv";

    private const string AuthorityColumn = "authority";
    private const string YearColumn = "year";
    private const string TotalColumn = "total";
    private const string MajorityColumn = "majority";
    private static readonly string[] SeatColumns = ["con", "lab", "ld", "green", "ukip", "ref", "pc", "snp", "other"];
    private static readonly string[] RequiredColumns = [AuthorityColumn, YearColumn, TotalColumn, .. SeatColumns, MajorityColumn];

    private static readonly CsvReaderOptions CsvOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false, // the header is checked by name, so that a missing column is reported clearly
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>
    /// The history file in the roster's folder: the one file named like <see cref="FilePattern"/>. Throws
    /// <see cref="MalformedInputException"/> when there is none or more than one, rather than pick one.
    /// </summary>
    public static string Beside(string rosterPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(rosterPath))!;
        var found = Directory.GetFiles(folder, FilePattern).Order(StringComparer.Ordinal).ToList();
        return found.Count == 1
            ? found[0]
            : throw new MalformedInputException(new SourceLocation(rosterPath, 1), found.Count == 0
                ? $"no council history beside the roster: the folder {folder} must hold Open Council Data's history file ({FilePattern}, e.g. history2016-2025.csv), which gives each council's size and control."
                : $"{found.Count.ToString(CultureInfo.InvariantCulture)} files in {folder} are named like {FilePattern} ({string.Join(", ", found.Select(Path.GetFileName))}); keep the one council history beside the roster.");
    }

    /// <summary>
    /// Reads the rows of <paramref name="years"/>, keyed by council as <see cref="Slug.ForMatching"/> has its name.
    /// A council with two rows for one year is refused when they disagree; identical repeats are dropped and listed
    /// in <paramref name="repeats"/>. Throws <see cref="MalformedInputException"/> (file:line and the rule) for a
    /// missing column, a year or seat count that is not a whole number, or disagreeing rows.
    /// </summary>
    public static Dictionary<(string Key, int Year), HistoryRow> Read(string path, IReadOnlySet<int> years, List<string> repeats)
    {
        var rows = new Dictionary<(string Key, int Year), HistoryRow>();
        try
        {
            using var csv = CsvReader.FromFile(path, CsvOptions);
            if (!csv.Read())
            {
                throw new MalformedInputException(new SourceLocation(path, 1), $"the file is empty; Open Council Data's history has a header naming {string.Join(", ", RequiredColumns)}.");
            }

            var columns = Header(path, csv);
            while (csv.Read())
            {
                var line = checked((int)csv.LineNumber);
                string Field(string column) => columns[column] < csv.FieldCount ? csv.GetString(columns[column]).Trim() : string.Empty;
                var year = Number(path, line, YearColumn, Field(YearColumn));
                if (!years.Contains(year))
                {
                    continue;
                }

                var row = Row(path, line, year, Field);
                var key = (Slug.ForMatching(row.Authority), year);
                if (rows.TryGetValue(key, out var first))
                {
                    if (!row.SameFacts(first))
                    {
                        throw new MalformedInputException(new SourceLocation(path, line), string.Create(CultureInfo.InvariantCulture,
                            $"'{row.Authority}' has a second {year} row, which disagrees with line {first.Line} ({row.Differences(first)}); one council has one snapshot a year, so the file cannot say which is right."));
                    }

                    repeats.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:{line} repeats the {year} row of '{row.Authority}' on line {first.Line} exactly; it is read once."));
                    continue;
                }

                rows[key] = row;
            }
        }
        catch (CsvFormatException e)
        {
            throw new MalformedInputException(new SourceLocation(path, checked((int)Math.Max(1, e.LineNumber))), "the CSV quoting is broken: " + e.Message);
        }

        return rows;
    }

    private static HistoryRow Row(string path, int line, int year, Func<string, string> field)
    {
        var authority = field(AuthorityColumn);
        if (authority.Length == 0)
        {
            throw new MalformedInputException(new SourceLocation(path, line), $"{AuthorityColumn} is empty; every snapshot names its council.");
        }

        var seats = SeatColumns.ToDictionary(c => c, c => Number(path, line, c, field(c)), StringComparer.Ordinal);
        var row = new HistoryRow
        {
            Line = line,
            Authority = authority,
            Year = year,
            Total = Number(path, line, TotalColumn, field(TotalColumn)),
            Con = seats["con"],
            Lab = seats["lab"],
            LiberalDemocrats = seats["ld"],
            Green = seats["green"],
            Ukip = seats["ukip"],
            Other = checked(seats["ref"] + seats["pc"] + seats["snp"] + seats["other"]),
            Majority = field(MajorityColumn),
        };
        if (row.Total < 1 || row.Vacant < 0)
        {
            throw new MalformedInputException(new SourceLocation(path, line), string.Create(CultureInfo.InvariantCulture,
                $"total {row.Total} for '{authority}' ({year}) is {(row.Total < 1 ? "not a council size" : $"less than the {row.Total - row.Vacant} seats its party columns add up to")}; total is the council's size, vacancies included."));
        }

        return row;
    }

    private static int Number(string path, int line, string column, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new MalformedInputException(new SourceLocation(path, line),
                $"{column} '{text}' is not a whole number; the history's {column} column holds {(column == YearColumn ? "the snapshot's year" : "a count of seats")}.");

    private static Dictionary<string, int> Header(string path, CsvReader csv) =>
        CsvColumns.Locate(path, csv, RequiredColumns, "Open Council Data's history");
}
