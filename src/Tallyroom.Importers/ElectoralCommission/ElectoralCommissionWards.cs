using System.Globalization;
using CsvHelper;
using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;

namespace Tallyroom.Importers.ElectoralCommission;

/// <summary>
/// Imports one ward sheet of the Electoral Commission's local-election workbook, exported as CSV (format
/// <c>ec-wards</c>), e.g. <c>London_Boroughs__Wards_.csv</c>: seats, electorate, valid and rejected ballot papers per
/// ward, merged onto the ballots an earlier import defined. Stateless and thread-safe.
/// </summary>
public static class ElectoralCommissionWards
{
    /// <summary>The format's name, as the import command takes it.</summary>
    public const string FormatName = "ec-wards";

    /// <summary>The source named on every statistics record this importer makes.</summary>
    public const string SourceName = "Electoral Commission";

    private const int HeaderRows = 3;
    private const int ProgressInterval = 1000;
    private const string WardCodeColumn = "ONS Ward code";
    private const string WardColumn = "Ward";
    private const string AuthorityColumn = "Local Authority";
    private const string AuthorityCodeColumn = "Local Authority code";
    private const string SeatsColumn = "Number of seats";
    private const string ElectorateColumn = "Electorate";
    private const string ValidColumn = "Total valid votes cast";
    private const string RejectedColumn = "Total number of ballot papers rejected at the count";

    private static readonly string[] RequiredColumns = [WardCodeColumn, WardColumn, AuthorityColumn, SeatsColumn, ElectorateColumn, ValidColumn, RejectedColumn];

    private static readonly CsvReaderOptions CsvOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>
    /// Reads the sheet at <paramref name="path"/> and returns one <see cref="BallotStatisticsRecorded"/> per ward row,
    /// for the ballot of <paramref name="current"/> the row is about. A row is matched by its ONS ward code when a
    /// ballot carries that code, otherwise by name: the ballot id <c>local.&lt;council slug&gt;.&lt;ward
    /// slug&gt;.&lt;date&gt;</c> made from the Local Authority and Ward cells. A row that matches no ballot is refused,
    /// never guessed. The totals row at the end is skipped.
    /// </summary>
    /// <remarks>
    /// "Total valid votes cast" counts valid ballot papers, not votes (in a three-seat ward the votes are up to three
    /// times as many), so it is recorded as <see cref="BallotStatistics.ValidBallotPapers"/>. Where the sheet's
    /// "Number of seats" differs from the ballot's seats up (some councils publish the ward's size), both are kept and
    /// the difference is noted.
    /// </remarks>
    /// <exception cref="MalformedInputException">
    /// <paramref name="current"/> has no election, or the sheet is malformed or has a row that matches no ballot;
    /// nothing is returned.
    /// </exception>
    public static ImportBatch Read(string path, ElectionState current, ImportOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        if (current.Election is null)
        {
            throw new MalformedInputException($"{path}: the ward sheet adds figures to ballots that are already defined, and the log has no election yet: import results or a setup first.");
        }

        var ballots = new BallotIndex(current);
        var batch = new ImportBatch();
        using var csv = CsvReader.FromFile(path, CsvOptions);
        try
        {
            ReadSheet(path, csv, current, ballots, options.Progress, batch);
        }
        catch (CsvFormatException e)
        {
            throw new MalformedInputException(new SourceLocation(path, e.LineNumber > 0 ? checked((int)e.LineNumber) : 1), e.Message);
        }

        return batch;
    }

    private static void ReadSheet(string path, CsvReader csv, ElectionState current, BallotIndex ballots, IProgress<int>? progress, ImportBatch batch)
    {
        for (var row = 1; row <= HeaderRows; row++)
        {
            if (!csv.Read())
            {
                throw new MalformedInputException(new SourceLocation(path, 1), $"The sheet ends before its {Invariant(HeaderRows)} header rows (two group rows, then the column names).");
            }
        }

        var columns = LocateColumns(path, csv);
        var matchedAt = new Dictionary<string, int>(StringComparer.Ordinal);
        var identified = new HashSet<string>(StringComparer.Ordinal);
        var records = 0;
        while (csv.Read())
        {
            records++;
            if (records % ProgressInterval == 0)
            {
                progress?.Report(records);
            }

            var line = checked((int)csv.LineNumber);
            var row = new SheetRow(path, line, csv, columns);
            if (row.IsBlank)
            {
                continue;
            }

            if (row.IsUnnamed)
            {
                // The sheet ends with a row of sums labelled "Total London Boroughs" and the like: not a ward.
                var label = row.TotalLabel
                    ?? throw row.Refuse($"The row has no '{WardCodeColumn}', '{WardColumn}' or '{AuthorityColumn}', and is not the totals row.");
                batch.Note($"Skipped the totals row on line {Invariant(line)} ({label}).");
                continue;
            }

            var ballot = ballots.Match(row);
            if (matchedAt.TryGetValue(ballot.Definition.Id, out var earlier))
            {
                throw row.Refuse($"Ward '{row.Ward}' ({row.WardCode}) of {row.Authority} matches ballot {ballot.Definition.Id}, which line {Invariant(earlier)} already matched; a ward has one row.");
            }

            matchedAt.Add(ballot.Definition.Id, line);
            IdentifyCouncil(row, current.Councils[ballot.Definition.CouncilSlug].Definition, identified, batch);
            var statistics = new BallotStatistics
            {
                BallotId = ballot.Definition.Id,
                PublishedSeats = row.Count(SeatsColumn),
                Electorate = row.Count(ElectorateColumn),
                ValidBallotPapers = row.Count(ValidColumn),
                RejectedBallotPapers = row.Count(RejectedColumn),
                Source = SourceName,
            };
            batch.Add(new BallotStatisticsRecorded(statistics), new SourceLocation(path, line));
            NoteDifferences(row, ballot, statistics, batch);
        }

        progress?.Report(records);
    }

    /// <summary>
    /// Sources without ONS codes (Democracy Club) leave a council's code, and so its type, unknown; the sheet gives the
    /// official code, so the council's definition is amended once, keeping everything else.
    /// </summary>
    private static void IdentifyCouncil(SheetRow row, CouncilDefinition council, HashSet<string> identified, ImportBatch batch)
    {
        if (council.GssCode is null && row.AuthorityCode.Length > 0 && identified.Add(council.Slug))
        {
            batch.Add(new CouncilDefined(council with { GssCode = row.AuthorityCode, Type = CouncilTypes.FromGssCode(row.AuthorityCode) }), new SourceLocation(row.Path, row.Line));
        }
    }

    private static Dictionary<string, int> LocateColumns(string path, CsvReader csv)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            // The sheet's names carry stray spaces ("Electorate ") and line breaks; the first of a repeated name wins.
            columns.TryAdd(SheetRow.Tidy(csv.GetString(i)), i);
        }

        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new MalformedInputException(new SourceLocation(path, checked((int)csv.LineNumber)),
                $"The column names (the third header row) lack {string.Join(", ", missing.Select(m => $"'{m}'"))}: an Electoral Commission ward sheet needs {string.Join(", ", RequiredColumns.Select(m => $"'{m}'"))}.");
        }

        return columns;
    }

    private static void NoteDifferences(SheetRow row, BallotView ballot, BallotStatistics statistics, ImportBatch batch)
    {
        var definition = ballot.Definition;
        if (statistics.PublishedSeats is { } published && published != definition.SeatsUp)
        {
            batch.Note($"{row.Authority}, {row.Ward} (line {Invariant(row.Line)}, ballot {definition.Id}): the sheet gives {Plural.Count(published, "seat", "seats")}, but {Plural.Count(definition.SeatsUp, "seat", "seats")} {Plural.Noun(definition.SeatsUp, "was", "were")} up; both are kept (the sheet's figure as published seats, the ballot's seats up for counting).");
        }

        if (row.WardCode.Length > 0 && definition.WardGssCode is { } code && code != row.WardCode)
        {
            batch.Note($"{row.Authority}, {row.Ward} (line {Invariant(row.Line)}): matched ballot {definition.Id} by name; the sheet's ward code {row.WardCode} differs from the ballot's {code}.");
        }

        if (ballot.Status == BallotStatus.Postponed)
        {
            batch.Note($"{row.Authority}, {row.Ward} (line {Invariant(row.Line)}): ballot {definition.Id} was postponed, so the sheet's figures are likely those of its later poll.");
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The ballots of the election, by ward code and by id, for matching sheet rows.</summary>
    private sealed class BallotIndex
    {
        private readonly ElectionState current;
        private readonly Dictionary<string, BallotView?> byCode = new(StringComparer.OrdinalIgnoreCase);
        private readonly string idPrefix;
        private readonly string idSuffix;

        public BallotIndex(ElectionState current)
        {
            this.current = current;
            var election = current.Election!;
            idPrefix = election.Id.Split('.')[0] + ".";
            idSuffix = "." + election.PollingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var ballot in current.Ballots.Values)
            {
                if (ballot.Definition.WardGssCode is { Length: > 0 } code)
                {
                    // Two ballots with one code (say, a ward and its by-election) make the code ambiguous: names decide.
                    byCode[code] = byCode.ContainsKey(code) ? null : ballot;
                }
            }
        }

        /// <summary>The ballot a row is about: by ward code when a ballot carries it, else by name; refused if none.</summary>
        public BallotView Match(SheetRow row)
        {
            if (row.WardCode.Length > 0 && byCode.TryGetValue(row.WardCode, out var byItsCode) && byItsCode is not null)
            {
                return byItsCode;
            }

            var id = idPrefix + Slug.Make(row.Authority) + "." + Slug.Make(row.Ward) + idSuffix;
            if (current.Ballots.TryGetValue(id, out var byName))
            {
                return byName;
            }

            var code = row.WardCode.Length > 0 ? $"no ballot carries ward code {row.WardCode}, and " : string.Empty;
            throw row.Refuse($"Ward '{row.Ward}' ({(row.WardCode.Length > 0 ? row.WardCode : "no code")}) of {row.Authority} matches no ballot of {current.Election!.Id}: {code}there is no ballot {id}.");
        }
    }

    /// <summary>One row of the sheet, with its cells tidied.</summary>
    private sealed class SheetRow
    {
        private readonly string path;
        private readonly string[] cells;
        private readonly Dictionary<string, int> columns;

        public SheetRow(string path, int line, CsvReader csv, Dictionary<string, int> columns)
        {
            this.path = path;
            this.columns = columns;
            Line = line;
            cells = new string[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Tidy(csv.GetString(i));
            }

            WardCode = Cell(WardCodeColumn);
            Ward = Cell(WardColumn);
            Authority = Cell(AuthorityColumn);
            AuthorityCode = columns.ContainsKey(AuthorityCodeColumn) ? Cell(AuthorityCodeColumn) : string.Empty;
        }

        public string Path => path;

        public string AuthorityCode { get; }


        public int Line { get; }

        public string WardCode { get; }

        public string Ward { get; }

        public string Authority { get; }

        public bool IsBlank => cells.All(c => c.Length == 0);

        /// <summary>Trims a cell and collapses runs of white space (the sheet wraps long names over lines).</summary>
        public static string Tidy(string text) =>
            string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        /// <summary>True when the row names no ward, code or council, as the totals row does.</summary>
        public bool IsUnnamed => WardCode.Length == 0 && Ward.Length == 0 && Authority.Length == 0;

        /// <summary>The label of a totals row ("Total London Boroughs"): its first cell reading "Total…"; null if none.</summary>
        public string? TotalLabel => cells.FirstOrDefault(c => c.StartsWith("Total", StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// A count as the sheet displays it (" 5,944 "): spaces, thousands separators and % signs are stripped. Empty
        /// is null.
        /// </summary>
        public int? Count(string column)
        {
            var text = Cell(column).Replace(" ", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).Replace("%", string.Empty, StringComparison.Ordinal);
            if (text.Length == 0)
            {
                return null;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Refuse($"{column}: '{Cell(column)}' is not a whole number of zero or more.");
        }

        public MalformedInputException Refuse(string reason) => new(new SourceLocation(path, Line), reason);

        private string Cell(string column) => columns[column] < cells.Length ? cells[columns[column]] : string.Empty;
    }
}
