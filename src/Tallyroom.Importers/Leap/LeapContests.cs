using System.Globalization;
using Tallyroom.Core;

namespace Tallyroom.Importers.Leap;

/// <summary>A candidate row that passed the field rules. Immutable.</summary>
internal sealed record LeapCandidateRow(int Line, string Name, string Party, int? Votes, bool Elected);

/// <summary>One ward contest as the file lists it: the rows of one ward name within one council.</summary>
internal sealed class LeapWard(string name, string? gssCode, int firstLine)
{
    public string Name { get; } = name;

    public string? GssCode { get; } = gssCode;

    public int FirstLine { get; } = firstLine;

    public List<LeapCandidateRow> Rows { get; } = [];
}

/// <summary>One council as the file lists it, with its ward contests in file order.</summary>
internal sealed class LeapCouncil(string name, string? gssCode, int firstLine)
{
    public string Name { get; } = name;

    public string? GssCode { get; } = gssCode;

    public int FirstLine { get; } = firstLine;

    public List<LeapWard> Wards { get; } = [];

    public Dictionary<string, LeapWard> WardsByName { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Checks every row against the field rules and groups the rows into councils and ward contests, in file order.
/// Rows that hold no candidate of a ward contest are skipped with a note. Thread-safe.
/// </summary>
internal static class LeapContests
{
    private const string MayoralPseudoWard = "Elected Mayor";

    /// <summary>
    /// Groups the rows. Throws <see cref="MalformedInputException"/> at the first row that breaks a field rule: an
    /// empty council, ward or candidate, votes that are not a non-negative integer, an elected flag other than 1 or
    /// 0, or an ONS code that changes between rows of one council or ward.
    /// </summary>
    public static List<LeapCouncil> Group(string path, IReadOnlyList<LeapRecord> records, ImportBatch batch)
    {
        var councils = new List<LeapCouncil>();
        var byName = new Dictionary<string, LeapCouncil>(StringComparer.Ordinal);
        var withoutWard = new Dictionary<string, (int Rows, int Elected, int FirstLine)>(StringComparer.Ordinal);
        var mayoral = new Dictionary<(string Council, string Ward), (int Rows, int FirstLine)>();
        foreach (var record in records)
        {
            var where = new SourceLocation(path, record.Line);
            var councilName = Required(where, record.Council, "council_name", "every row must name its council");
            if (!byName.TryGetValue(councilName, out var council))
            {
                RequireSlug(where, councilName, "council_name");
                council = new LeapCouncil(councilName, record.CouncilCode, record.Line);
                byName.Add(councilName, council);
                councils.Add(council);
            }
            else if (council.GssCode != record.CouncilCode)
            {
                throw new MalformedInputException(where, string.Create(CultureInfo.InvariantCulture,
                    $"council_ons '{record.CouncilCode ?? "NULL"}' differs from '{council.GssCode ?? "NULL"}' given for council '{councilName}' on line {council.FirstLine}; a council keeps one ONS code within a file."));
            }

            if (record.Ward is null)
            {
                // Teale's NULL ward: rows his database could not place in a ward (2014's Stratford-on-Avon block),
                // or a council's placeholder row (2018's Weymouth and Portland). No contest can be built from them.
                if (record.Candidate is null)
                {
                    batch.Note(FormattableString.Invariant($"line {record.Line}: {councilName}: a placeholder row with no ward and no candidate (NULL); skipped."));
                    continue;
                }

                var (rows, elected, firstLine) = withoutWard.GetValueOrDefault(councilName, (0, 0, record.Line));
                withoutWard[councilName] = (rows + 1, elected + (record.Elected == "1" ? 1 : 0), firstLine);
                continue;
            }

            var wardName = Required(where, record.Ward, "ward_name", "every row must name its ward");
            if (string.Equals(wardName, MayoralPseudoWard, StringComparison.OrdinalIgnoreCase))
            {
                // A mayoral election is not a ward contest and has no seats in the council.
                var (rows, firstLine) = mayoral.GetValueOrDefault((councilName, wardName), (0, record.Line));
                mayoral[(councilName, wardName)] = (rows + 1, firstLine);
                continue;
            }

            if (record.Candidate is null)
            {
                batch.Note(FormattableString.Invariant($"line {record.Line}: {councilName}: '{wardName}' is a placeholder row with no candidate (NULL), not a ward contest; skipped."));
                continue;
            }

            if (!council.WardsByName.TryGetValue(wardName, out var ward))
            {
                RequireSlug(where, wardName, "ward_name");
                ward = new LeapWard(wardName, record.WardCode, record.Line);
                council.WardsByName.Add(wardName, ward);
                council.Wards.Add(ward);
            }
            else if (ward.GssCode != record.WardCode)
            {
                throw new MalformedInputException(where, string.Create(CultureInfo.InvariantCulture,
                    $"ward_ons '{record.WardCode ?? "NULL"}' differs from '{ward.GssCode ?? "NULL"}' given for ward '{wardName}' of {councilName} on line {ward.FirstLine}; a ward keeps one ONS code within a file."));
            }

            ward.Rows.Add(Candidate(where, record));
        }

        foreach (var ((councilName, wardName), (rows, firstLine)) in mayoral)
        {
            batch.Note(FormattableString.Invariant($"line {firstLine}: {councilName}: '{wardName}' ({Plural.Count(rows, "row", "rows")}) stands for the mayoral election, which is not a ward contest and fills no council seat; skipped."));
        }

        foreach (var (councilName, (rows, elected, firstLine)) in withoutWard)
        {
            batch.Note(FormattableString.Invariant(
                $"line {firstLine}: {councilName}: {Plural.Count(rows, "candidate row has", "candidate rows have")} no ward (NULL), {elected} flagged elected; {Plural.Noun(rows, "it cannot be placed in a ward contest, so it is", "they cannot be placed in a ward contest, so they are")} skipped."));
        }

        return councils;
    }

    private static LeapCandidateRow Candidate(SourceLocation where, LeapRecord record)
    {
        var name = Required(where, record.Candidate, "candidate_name", "every row must name its candidate");
        var party = Required(where, record.Party, "party_short", "every candidate needs Teale's party code (Ind for an independent)");
        int? votes = null;
        if (!string.IsNullOrEmpty(record.Votes))
        {
            if (!int.TryParse(record.Votes, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                throw new MalformedInputException(where, $"votes '{record.Votes}' is not a non-negative integer.");
            }

            votes = parsed;
        }

        var elected = record.Elected switch
        {
            "1" => true,
            "0" => false,
            _ => throw new MalformedInputException(where, $"elected_flag '{record.Elected ?? "NULL"}' must be 1 (elected) or 0 (not elected)."),
        };
        return new LeapCandidateRow(where.Line, name, party, votes, elected);
    }

    private static string Required(SourceLocation where, string? value, string field, string rule) =>
        string.IsNullOrEmpty(value) ? throw new MalformedInputException(where, $"{field} is empty; {rule}.") : value;

    private static void RequireSlug(SourceLocation where, string name, string field)
    {
        if (Slug.Make(name).Length == 0)
        {
            throw new MalformedInputException(where, $"{field} '{name}' has no letter or digit to make an identifier from.");
        }
    }
}
