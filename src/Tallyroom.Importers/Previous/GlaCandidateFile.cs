using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using Tallyroom.Core;
using Tallyroom.Core.Parties;

namespace Tallyroom.Importers.Previous;

/// <summary>
/// Reads the GLA's London borough candidate file (<c>london_council_election_2014_ward.csv</c>: UTF-8 with a byte-order
/// mark, one row per candidate, ONS ward and borough codes) into previous ward contests, checking each row.
/// Thread-safe.
/// </summary>
internal static partial class GlaCandidateFile
{
    private const string WardCodeColumn = "Ward_code";
    private const string BoroughCodeColumn = "Borough_code";
    private const string BoroughNameColumn = "Borough_name";
    private const string WardNameColumn = "Ward_name";
    private const string CandidateColumn = "candidate";
    private const string PartyColumn = "party";
    private const string PartyLongColumn = "party_long";
    private const string VotesColumn = "number_votes";
    private const string ElectedColumn = "elected_flag";
    private const string SizeColumn = "Number of councillors in ward";
    private const int ProgressInterval = 1000;

    private static readonly string[] RequiredColumns =
        [WardCodeColumn, BoroughCodeColumn, BoroughNameColumn, WardNameColumn, CandidateColumn, PartyColumn, PartyLongColumn, VotesColumn, ElectedColumn, SizeColumn];

    // The GLA's codes for the register parties; every other code keeps its own name (party_long), so that, say, the
    // several residents' associations filed under REA stay apart.
    private static readonly FrozenDictionary<string, Party> KnownParties = new Dictionary<string, Party>(StringComparer.Ordinal)
    {
        ["CON"] = PartyCatalog.Conservative,
        ["LAB"] = PartyCatalog.Labour, // the GLA files Labour and Co-operative candidates under LAB
        ["LD"] = PartyCatalog.LiberalDemocrats,
        ["GRE"] = PartyCatalog.Green,
        ["UKIP"] = PartyCatalog.Ukip,
        ["IND"] = PartyCatalog.Independent,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Titles = FrozenSet.ToFrozenSet(["Ms.", "Ms", "Mr.", "Mr", "Mrs.", "Mrs", "Miss", "Dr.", "Dr"], StringComparer.Ordinal);

    /// <summary>
    /// Reads the councils and their ward contests in file order. Throws <see cref="MalformedInputException"/> at the
    /// first row that breaks a rule: a missing column, a code that is not an ONS code, an empty name, candidate or
    /// party, votes that are not a whole number, an elected flag other than Yes or blank, a ward whose rows disagree
    /// on its name, borough or size, a ward with nobody elected, or a contested ward with blank votes.
    /// </summary>
    public static List<PreviousCouncil> Read(string path, ImportBatch batch, IProgress<int>? progress)
    {
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = false, TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw };
        using var csv = CsvReader.FromFile(path, options);
        try
        {
            return ReadRows(path, csv, batch, progress);
        }
        catch (CsvFormatException e)
        {
            throw new MalformedInputException(new SourceLocation(path, e.LineNumber > 0 ? checked((int)e.LineNumber) : 1), "the CSV quoting is broken: " + e.Message);
        }
    }

    /// <summary>"Butt, Laila Ms.*" as the other sources write names, "Laila Butt": title and incumbent mark dropped.</summary>
    private static string ReadableName(string candidate)
    {
        var text = candidate.Replace("*", string.Empty, StringComparison.Ordinal).Trim();
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return text;
        }

        var forenames = text[(comma + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Titles.Contains(w));
        return string.Join(' ', [.. forenames, text[..comma].Trim()]);
    }

    private static List<PreviousCouncil> ReadRows(string path, CsvReader csv, ImportBatch batch, IProgress<int>? progress)
    {
        if (!csv.Read())
        {
            throw new MalformedInputException(new SourceLocation(path, 1), $"the file is empty: the GLA candidate file has a header naming {string.Join(", ", RequiredColumns)}.");
        }

        // The byte-order mark is part of the first header name when a reader leaves it in.
        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim().TrimStart('\uFEFF')).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new MalformedInputException(new SourceLocation(path, checked((int)csv.LineNumber)),
                $"the header lacks {string.Join(", ", missing)}: the GLA candidate file has the columns {string.Join(", ", RequiredColumns)}.");
        }

        var columns = RequiredColumns.ToDictionary(c => c, header.IndexOf, StringComparer.Ordinal);
        var councils = new List<PreviousCouncil>();
        var councilsByCode = new Dictionary<string, PreviousCouncil>(StringComparer.Ordinal);
        var wards = new Dictionary<string, WardRows>(StringComparer.Ordinal);
        var lowerCaseYes = new List<int>();
        var grouped = new List<string>();
        var rows = 0;
        while (csv.Read())
        {
            var where = new SourceLocation(path, checked((int)csv.LineNumber));
            string Field(string column) => csv.GetString(columns[column]).Trim();
            var wardCode = Code(where, Field(WardCodeColumn), WardCodeColumn);
            var boroughCode = Code(where, Field(BoroughCodeColumn), BoroughCodeColumn);
            var boroughName = Required(where, Field(BoroughNameColumn), BoroughNameColumn, "every row names its borough");
            var wardName = Required(where, Field(WardNameColumn), WardNameColumn, "every row names its ward");
            var size = Field(SizeColumn);
            if (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var councillors) || councillors < 1)
            {
                throw new MalformedInputException(where, $"{SizeColumn} '{size}' is not a whole number of at least 1.");
            }

            if (!councilsByCode.TryGetValue(boroughCode, out var council))
            {
                council = new PreviousCouncil(boroughName, boroughCode, where.Line);
                councilsByCode.Add(boroughCode, council);
                councils.Add(council);
            }
            else if (council.Name != boroughName)
            {
                throw new MalformedInputException(where, string.Create(CultureInfo.InvariantCulture,
                    $"{BoroughNameColumn} '{boroughName}' differs from '{council.Name}' given for {boroughCode} on line {council.Line}; a borough keeps one name within the file."));
            }

            if (!wards.TryGetValue(wardCode, out var ward))
            {
                ward = new WardRows(council, wardName, wardCode, where.Line, councillors);
                wards.Add(wardCode, ward);
            }
            else if (ward.Council != council || ward.Name != wardName || ward.Councillors != councillors)
            {
                throw new MalformedInputException(where, string.Create(CultureInfo.InvariantCulture,
                    $"ward {wardCode} is '{wardName}' of {boroughCode} with {Plural.Count(councillors, "councillor", "councillors")} here, but '{ward.Name}' of {ward.Council.GssCode} with {ward.Councillors} on line {ward.Line}; a ward's rows agree on its name, borough and size."));
            }

            var candidate = Required(where, Field(CandidateColumn), CandidateColumn, "every row names its candidate");
            var partyCode = Required(where, Field(PartyColumn), PartyColumn, "every candidate has the GLA's party code (IND for an independent)");
            var party = KnownParties.TryGetValue(partyCode, out var known) ? known : PartyCatalog.Resolve(null, Field(PartyLongColumn) is { Length: > 0 } name ? name : partyCode);
            var votes = Votes(where, Field(VotesColumn), grouped);
            var flag = Field(ElectedColumn);
            var elected = flag switch
            {
                "Yes" => true,
                "" => false,
                _ when flag.Equals("yes", StringComparison.OrdinalIgnoreCase) => true,
                _ => throw new MalformedInputException(where, $"{ElectedColumn} '{flag}' must be Yes (elected) or blank (not elected)."),
            };
            if (elected && flag != "Yes")
            {
                lowerCaseYes.Add(where.Line);
            }

            ward.Rows.Add(new PreviousCandidateRow(where.Line, ReadableName(candidate), party, votes, elected));
            if (++rows % ProgressInterval == 0)
            {
                progress?.Report(rows);
            }
        }

        if (rows == 0)
        {
            throw new MalformedInputException(new SourceLocation(path, 1), "the file has a header but no candidate rows.");
        }

        foreach (var ward in wards.Values)
        {
            ward.Council.Wards.Add(Checked(path, ward, batch));
        }

        if (lowerCaseYes.Count > 0)
        {
            batch.Note($"{ElectedColumn} is 'yes' in lower case on {Plural.Noun(lowerCaseYes.Count, "line", "lines")} {string.Join(", ", lowerCaseYes.Select(l => l.ToString(CultureInfo.InvariantCulture)))}; read as Yes.");
        }

        if (grouped.Count > 0)
        {
            batch.Note($"{VotesColumn} is written with a thousands separator on {string.Join(", ", grouped)}; read as a whole number.");
        }

        return councils;
    }

    private static PreviousWard Checked(string path, WardRows ward, ImportBatch batch)
    {
        var winners = ward.Rows.Count(r => r.Elected);
        if (winners == 0)
        {
            throw new MalformedInputException(new SourceLocation(path, ward.Line),
                $"{ElectedColumn}: no candidate of ward {ward.Code} ({ward.Name}, {ward.Council.Name}) is elected; every ward filled at least one seat.");
        }

        var uncontested = ward.Rows.Count <= winners;
        foreach (var row in ward.Rows)
        {
            if (uncontested && row.Votes is > 0)
            {
                throw new MalformedInputException(new SourceLocation(path, row.Line), string.Create(CultureInfo.InvariantCulture,
                    $"{VotesColumn} '{row.Votes}': ward {ward.Code} ({ward.Name}) is uncontested ({Plural.Count(ward.Rows.Count, "candidate", "candidates")} for {Plural.Count(winners, "seat", "seats")}), so no poll was held; its votes must be 0 or blank."));
            }

            if (!uncontested && row.Votes is null)
            {
                throw new MalformedInputException(new SourceLocation(path, row.Line),
                    $"{VotesColumn} is blank; only an uncontested ward (no more candidates than seats) may leave votes blank, and ward {ward.Code} ({ward.Name}) is contested.");
            }
        }

        if (winners != ward.Councillors)
        {
            batch.Note(string.Create(CultureInfo.InvariantCulture,
                $"line {ward.Line}: ward {ward.Code} ({ward.Name}, {ward.Council.Name}) has {Plural.Count(winners, "candidate", "candidates")} elected but {SizeColumn} {ward.Councillors}; the elected flags are used."));
        }

        var rows = uncontested ? ward.Rows.Select(r => r with { Votes = null }) : ward.Rows;
        return new PreviousWard(ward.Council, ward.Name, ward.Code, ward.Line, [.. rows]);
    }

    private static int? Votes(SourceLocation where, string text, List<string> grouped)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (!WholeNumber().IsMatch(text) || !int.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var votes))
        {
            throw new MalformedInputException(where, $"{VotesColumn} '{text}' is not a whole number of votes.");
        }

        if (text.Contains(',', StringComparison.Ordinal))
        {
            grouped.Add(string.Create(CultureInfo.InvariantCulture, $"line {where.Line} ('{text}')"));
        }

        return votes;
    }

    private static string Code(SourceLocation where, string value, string column) =>
        WardCodeChanges.GssCode().IsMatch(value) ? value : throw new MalformedInputException(where, $"{column} '{value}' is not an ONS code (a letter and eight digits, e.g. E05000026).");

    private static string Required(SourceLocation where, string value, string column, string rule) =>
        value.Length == 0 ? throw new MalformedInputException(where, $"{column} is empty; {rule}.") : value;

    // Digits, optionally grouped in threes by commas as a spreadsheet displays them ("1,571").
    [GeneratedRegex("^(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumber();

    /// <summary>A ward's rows while the file is read.</summary>
    private sealed class WardRows(PreviousCouncil council, string name, string code, int line, int councillors)
    {
        public PreviousCouncil Council => council;

        public string Name => name;

        public string Code => code;

        public int Line => line;

        public int Councillors => councillors;

        public List<PreviousCandidateRow> Rows { get; } = [];
    }
}
