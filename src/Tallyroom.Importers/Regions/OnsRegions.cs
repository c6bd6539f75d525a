using System.Globalization;
using CsvHelper;
using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Importers.Previous;

namespace Tallyroom.Importers.Regions;

/// <summary>
/// Imports one of ONS's ward-to-region lookups (format <c>ons-regions</c>), e.g. <c>CTRY_GOR_MD_WD.csv</c>: each row a
/// ward of May 2018 with its borough or district (<c>LBCD</c>, <c>MDCD</c>, <c>UACD</c> or <c>NMDCD</c>, by the kind of
/// authority the file covers) and its region (<c>GORCD</c>, <c>GORNM</c>). Each council of the election whose ONS code
/// the file lists is re-defined with the region's name, everything else kept. Stateless and thread-safe.
/// </summary>
public static class OnsRegions
{
    /// <summary>The format's name, as the import command takes it.</summary>
    public const string FormatName = "ons-regions";

    private const string WardCodeColumn = "WDCD";
    private const string RegionCodeColumn = "GORCD";
    private const string RegionNameColumn = "GORNM";
    private const int ProgressInterval = 1000;

    /// <summary>The authority code columns of ONS's four lookups: London boroughs, metropolitan districts, unitaries, shire districts.</summary>
    private static readonly string[] AuthorityColumns = ["LBCD", "MDCD", "UACD", "NMDCD"];

    private static readonly CsvReaderOptions CsvOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>
    /// Reads the lookup at <paramref name="path"/> and returns one <see cref="CouncilDefined"/> for each council of
    /// <paramref name="current"/> whose ONS code (<see cref="Core.Elections.CouncilDefinition.GssCode"/>, given by the
    /// ec-wards import) the file lists and whose region is not yet that one, sourced to the authority's first row.
    /// Authorities the election lacks are skipped with a note, as are councils the file does not list (another of the
    /// lookups may). Where wards of the election's ballots appear under another authority than their council's, a
    /// note says so and the council's region is not taken from them.
    /// </summary>
    /// <exception cref="MalformedInputException">
    /// <paramref name="current"/> has no election or no council with an ONS code; the header lacks a column or has no
    /// single authority code column; a row lacks a code or region, or puts an authority in a second region; or a
    /// council already has another region. Nothing is returned.
    /// </exception>
    public static ImportBatch Read(string path, ElectionState current, ImportOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        if (current.Election is null || !current.Councils.Values.Any(c => c.Definition.GssCode is not null))
        {
            throw new MalformedInputException(
                $"{path}: the lookup finds councils by their ONS codes, and the log has {(current.Election is null ? "no election yet" : "no council with an ONS code")}: import the results and the Electoral Commission's ward sheets (ec-wards) first.");
        }

        using var csv = CsvReader.FromFile(path, CsvOptions);
        try
        {
            return ReadLookup(path, csv, current, options.Progress);
        }
        catch (CsvFormatException e)
        {
            throw new MalformedInputException(new SourceLocation(path, e.LineNumber > 0 ? checked((int)e.LineNumber) : 1), "the CSV quoting is broken: " + e.Message);
        }
    }

    private static ImportBatch ReadLookup(string path, CsvReader csv, ElectionState current, IProgress<int>? progress)
    {
        if (!csv.Read())
        {
            throw new MalformedInputException(new SourceLocation(path, 1), $"the file is empty: an ONS ward-to-region lookup has a header naming {WardCodeColumn}, one of {string.Join(", ", AuthorityColumns)}, {RegionCodeColumn} and {RegionNameColumn}.");
        }

        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim().TrimStart('\uFEFF')).ToList();
        var missing = new[] { WardCodeColumn, RegionCodeColumn, RegionNameColumn }.Where(c => !header.Contains(c)).ToList();
        var authorityColumns = AuthorityColumns.Where(header.Contains).ToList();
        if (missing.Count > 0 || authorityColumns.Count != 1)
        {
            var lacks = missing.Count > 0 ? $"the header lacks {string.Join(", ", missing)}" : string.Empty;
            var authority = authorityColumns.Count == 1 ? string.Empty
                : $"{(lacks.Length > 0 ? "; " : string.Empty)}the header has {(authorityColumns.Count == 0 ? "none" : string.Join(" and ", authorityColumns))} of the authority code columns {string.Join(", ", AuthorityColumns)}";
            throw new MalformedInputException(new SourceLocation(path, Line(csv)),
                $"{lacks}{authority}: an ONS ward-to-region lookup has {WardCodeColumn}, exactly one authority code column ({string.Join(", ", AuthorityColumns)}), {RegionCodeColumn} and {RegionNameColumn}.");
        }

        var authorityColumn = authorityColumns[0];
        var nameColumn = authorityColumn[..^2] + "NM";
        var columns = new[] { WardCodeColumn, authorityColumn, RegionCodeColumn, RegionNameColumn }.ToDictionary(c => c, header.IndexOf, StringComparer.Ordinal);
        var authorityNames = header.IndexOf(nameColumn);
        var councilsByCode = current.Councils.Values.Where(c => c.Definition.GssCode is not null)
            .ToDictionary(c => c.Definition.GssCode!, StringComparer.Ordinal);
        var councilOfWard = WardCouncils(current);
        var authorities = new Dictionary<string, Authority>(StringComparer.Ordinal);
        var misplaced = new Dictionary<(string Council, string Authority), Misplaced>();
        var records = 0;
        while (csv.Read())
        {
            if (++records % ProgressInterval == 0)
            {
                progress?.Report(records);
            }

            var line = Line(csv);
            var where = new SourceLocation(path, line);
            string Field(string column) => columns[column] < csv.FieldCount ? csv.GetString(columns[column]).Trim() : string.Empty;
            var ward = Code(where, Field(WardCodeColumn), WardCodeColumn);
            var code = Code(where, Field(authorityColumn), authorityColumn);
            var regionCode = Code(where, Field(RegionCodeColumn), RegionCodeColumn);
            var regionName = Field(RegionNameColumn);
            if (regionName.Length == 0)
            {
                throw new MalformedInputException(where, $"{RegionNameColumn} is empty; every ward row names its region.");
            }

            var name = authorityNames >= 0 && authorityNames < csv.FieldCount ? csv.GetString(authorityNames).Trim() : code;
            if (!authorities.TryGetValue(code, out var authority))
            {
                authorities.Add(code, new Authority(line, name, regionCode, regionName));
            }
            else if (authority.RegionCode != regionCode || authority.RegionName != regionName)
            {
                throw new MalformedInputException(where,
                    $"{authorityColumn} {code} ({name}) is in region {regionCode} {regionName} here but {authority.RegionCode} {authority.RegionName} on line {Invariant(authority.Line)}; an authority lies in one region.");
            }

            if (councilOfWard.TryGetValue(ward, out var council) && council.Definition.GssCode != code)
            {
                var key = (council.Definition.Slug, code);
                misplaced[key] = misplaced.TryGetValue(key, out var known) ? known with { Last = line, Wards = known.Wards + 1 } : new Misplaced(council.Definition.Name, council.Definition.GssCode, name, line, line, 1);
            }
        }

        progress?.Report(records);
        var batch = new ImportBatch();
        foreach (var (code, authority) in authorities.OrderBy(a => a.Value.Line))
        {
            if (!councilsByCode.TryGetValue(code, out var council))
            {
                continue;
            }

            var definition = council.Definition;
            if (definition.Region == authority.RegionName)
            {
                continue;
            }

            if (definition.Region is { } other)
            {
                throw new MalformedInputException(new SourceLocation(path, authority.Line),
                    $"{definition.Name} ({code}) is already in region {other}, but this file puts it in {authority.RegionName}; a council lies in one region.");
            }

            batch.Add(new CouncilDefined(definition with { Region = authority.RegionName }), new SourceLocation(path, authority.Line));
        }

        var skipped = authorities.Keys.Count(code => !councilsByCode.ContainsKey(code));
        batch.Note($"Gave a region to {Plural.Count(batch.Events.Count, "council", "councils")}; {Invariant(skipped)} of the file's {Plural.Count(authorities.Count, "authority", "authorities")} {Plural.Noun(skipped, "holds", "hold")} no council of the election, or one whose ONS code is not known, and {Plural.Noun(skipped, "was", "were")} skipped.");
        foreach (var ((_, code), wrong) in misplaced.OrderBy(m => m.Value.First))
        {
            batch.Note(string.Create(CultureInfo.InvariantCulture,
                $"Lines {wrong.First}-{wrong.Last}: {Plural.Count(wrong.Wards, "ward", "wards")} of {wrong.Council} ({wrong.CouncilCode ?? "no ONS code"}) by the election's ballots {Plural.Noun(wrong.Wards, "is", "are")} listed under {wrong.ListedUnder} ({code}); {wrong.Council}'s region is not taken from {Plural.Noun(wrong.Wards, "it", "them")}{(authorities.ContainsKey(wrong.CouncilCode ?? string.Empty) ? string.Empty : ", and the file does not list its own code, so it gets no region here")}."));
        }

        return batch;
    }

    /// <summary>The council of each ward code the election's ballots carry.</summary>
    private static Dictionary<string, CouncilView> WardCouncils(ElectionState current)
    {
        var councils = new Dictionary<string, CouncilView>(StringComparer.Ordinal);
        foreach (var ballot in current.Ballots.Values)
        {
            if (ballot.Definition.WardGssCode is { Length: > 0 } code)
            {
                councils.TryAdd(code, current.Councils[ballot.Definition.CouncilSlug]);
            }
        }

        return councils;
    }

    private static string Code(SourceLocation where, string value, string column) =>
        WardCodeChanges.GssCode().IsMatch(value) ? value : throw new MalformedInputException(where, $"{column} '{value}' is not an ONS code (a letter and eight digits, e.g. E12000002).");

    private static int Line(CsvReader csv) => checked((int)csv.LineNumber);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An authority as the file first lists it.</summary>
    private sealed record Authority(int Line, string Name, string RegionCode, string RegionName);

    /// <summary>Wards of one council listed under another authority: a fault of the lookup, noted, never followed.</summary>
    private sealed record Misplaced(string Council, string? CouncilCode, string ListedUnder, int First, int Last, int Wards);
}
