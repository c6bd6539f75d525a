using System.Globalization;
using CsvHelper;
using Tallyroom.Core;

namespace Tallyroom.Importers.Leap;

/// <summary>
/// One candidate row of a LEAP file, in the 8-field order of the 2016/2018 layout, fields trimmed. A null field is
/// Teale's <c>NULL</c> (his database's "no value"); an empty string is a field left empty. Immutable.
/// </summary>
internal sealed record LeapRecord(
    int Line,
    string? Council,
    string? CouncilCode,
    string? Ward,
    string? WardCode,
    string? Candidate,
    string? Party,
    string? Votes,
    string? Elected);

/// <summary>Reads the rows of a LEAP file, telling its layout from the first line. Thread-safe.</summary>
internal static class LeapFile
{
    private const int LeapFieldCount = 8;
    private const string LeapFields = "council_name, council_ons, ward_name, ward_ons, candidate_name, party_short, votes, elected_flag";
    private const string Header2014 = "\"Ward\",\"Council\",\"Candidate\",\"Party\",\"Votes\",\"Elected\"";
    private static readonly string[] Header2014Fields = ["Ward", "Council", "Candidate", "Party", "Votes", "Elected"];

    /// <summary>
    /// Reads every row: the 2014 layout when line 1 is its header (<c>Ward, Council, Candidate, Party, Votes,
    /// Elected</c>; no ONS codes), else the headerless 8-field layout of 2016 and later. Reports the rows read every
    /// 1,000. Throws <see cref="MalformedInputException"/> for broken quoting, a wrong number of fields or a file
    /// without rows.
    /// </summary>
    public static List<LeapRecord> Read(string path, IProgress<int>? progress)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false, // the layout is told from line 1, so it is read as a record
            Separator = ',',
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        using var stream = File.OpenRead(path);
        using var reader = CsvReader.Create(stream, options, leaveOpen: true);
        var records = new List<LeapRecord>();
        bool? has2014Layout = null;
        try
        {
            while (reader.Read())
            {
                var line = checked((int)reader.LineNumber);
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.GetString(i).Trim();
                }

                if (has2014Layout is null)
                {
                    has2014Layout = fields.SequenceEqual(Header2014Fields, StringComparer.OrdinalIgnoreCase);
                    if (has2014Layout.Value)
                    {
                        continue;
                    }

                    if (fields.Length != LeapFieldCount)
                    {
                        throw new MalformedInputException(new SourceLocation(path, line), FormattableString.Invariant(
                            $"line 1 has {Plural.Count(fields.Length, "field", "fields")}: a LEAP file starts either with the 2014 header {Header2014} or with a row of {LeapFieldCount} fields ({LeapFields})."));
                    }
                }

                records.Add(has2014Layout.Value ? From2014(path, line, fields) : FromLeap(path, line, fields));
                if (records.Count % 1000 == 0)
                {
                    progress?.Report(records.Count);
                }
            }
        }
        catch (CsvFormatException e)
        {
            throw new MalformedInputException(new SourceLocation(path, checked((int)Math.Max(1, e.LineNumber))), "the CSV quoting is broken: " + e.Message);
        }

        if (records.Count == 0)
        {
            throw new MalformedInputException(new SourceLocation(path, 1), "the file has no result rows.");
        }

        return records;
    }

    private static LeapRecord FromLeap(string path, int line, string[] f)
    {
        if (f.Length != LeapFieldCount)
        {
            throw new MalformedInputException(new SourceLocation(path, line), FormattableString.Invariant(
                $"expected {LeapFieldCount} fields ({LeapFields}), found {f.Length}."));
        }

        return new LeapRecord(line, Value(f[0]), Value(f[1]), Value(f[2]), Value(f[3]), Value(f[4]), Value(f[5]), Value(f[6]), Value(f[7]));
    }

    private static LeapRecord From2014(string path, int line, string[] f)
    {
        if (f.Length != Header2014Fields.Length)
        {
            throw new MalformedInputException(new SourceLocation(path, line), string.Create(CultureInfo.InvariantCulture,
                $"expected the {Header2014Fields.Length} fields of the header ({Header2014}), found {f.Length}."));
        }

        return new LeapRecord(line, Value(f[1]), null, Value(f[0]), null, Value(f[2]), Value(f[3]), Value(f[4]), Value(f[5]));
    }

    // Teale's exports write SQL NULL as the text NULL, quoted in 2014 and bare in 2018.
    private static string? Value(string field) => field == "NULL" ? null : field;
}
