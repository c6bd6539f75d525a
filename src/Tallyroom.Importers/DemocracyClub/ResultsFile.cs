using System.Globalization;
using CsvHelper;
using Tallyroom.Core;

namespace Tallyroom.Importers.DemocracyClub;

/// <summary>One candidate row of an ordinary ward contest, checked.</summary>
/// <param name="Line">The physical line the record starts on.</param>
/// <param name="PersonId">Democracy Club (YNR) person id.</param>
/// <param name="PersonName">The candidate's name.</param>
/// <param name="PartyId">Electoral Commission register id (or a YNR pseudo-id); empty when the file gives none.</param>
/// <param name="PartyName">The party as the file names it; may be empty.</param>
/// <param name="Votes">Votes for the candidate (<c>ballots_cast</c>); null when empty.</param>
/// <param name="Elected">The <c>is_winner</c> flag.</param>
/// <param name="Spoilt">The ward's rejected ballot papers (<c>spoilt_ballots</c>), repeated on each row; null when empty.</param>
internal sealed record CandidateRow(int Line, string PersonId, string PersonName, string PartyId, string PartyName, int? Votes, bool Elected, int? Spoilt);

/// <summary>The rows of one ordinary ward contest, in file order.</summary>
internal sealed class BallotRows(string id, string councilSlug, string wardSlug, int line)
{
    /// <summary>The ballot id, e.g. <c>local.sutton.nonsuch.2018-05-03</c>.</summary>
    public string Id => id;

    /// <summary>The organisation part of the election id.</summary>
    public string CouncilSlug => councilSlug;

    /// <summary>The ward part of the ballot id.</summary>
    public string WardSlug => wardSlug;

    /// <summary>The line of the ballot's first row.</summary>
    public int Line => line;

    /// <summary>The candidates, in file order.</summary>
    public List<CandidateRow> Candidates { get; } = [];
}

/// <summary>A council's ordinary ward contests, in the order the file first names them.</summary>
internal sealed class CouncilRows(string slug, int line)
{
    /// <summary>The organisation slug, e.g. <c>kingston-upon-thames</c>.</summary>
    public string Slug => slug;

    /// <summary>The line of the council's first row.</summary>
    public int Line => line;

    /// <summary>The council's ballots.</summary>
    public List<BallotRows> Ballots { get; } = [];
}

/// <summary>
/// The Democracy Club results CSV read and checked row by row: the ordinary ward contests grouped by council and
/// ballot, and what was skipped. Building events from it is <see cref="DemocracyClubResults"/>' job.
/// </summary>
internal sealed class ResultsFile
{
    private const string Artefact = "False";
    private const string ElectionIdColumn = "election_id";
    private const string BallotIdColumn = "ballot_paper_id";
    private const string PersonIdColumn = "person_id";
    private const string PartyIdColumn = "party_id";
    private const string PartyNameColumn = "party_name";
    private const string PersonNameColumn = "person_name";
    private const string VotesColumn = "ballots_cast";
    private const string WinnerColumn = "is_winner";
    private const string SpoiltColumn = "spoilt_ballots";
    private const string LocalKind = "local";
    private const string ByElectionPart = ".by";
    private const int ProgressInterval = 1000;

    private static readonly string[] RequiredColumns =
        [ElectionIdColumn, BallotIdColumn, PersonIdColumn, PartyIdColumn, PartyNameColumn, PersonNameColumn, VotesColumn, WinnerColumn, SpoiltColumn];

    private static readonly CsvReaderOptions CsvOptions = CsvReaderOptions.Default with
    {
        // Set, not detected: the artefact line "False" has no separator to detect from.
        Separator = ',',
        HasHeader = false,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        PoolStrings = true,
    };

    private readonly string path;
    private readonly Dictionary<string, CouncilRows> councilsBySlug = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BallotRows> ballotsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SkippedKind> skipped = new(StringComparer.Ordinal);
    private readonly List<SkippedKind> skippedInOrder = [];
    private int firstLine;
    private (string ElectionId, string BallotId, string CouncilSlug, DateOnly Day, string Ward) previous = (string.Empty, string.Empty, string.Empty, default, string.Empty);

    private ResultsFile(string path) => this.path = path;

    /// <summary>The polling day all the ordinary contests share.</summary>
    public DateOnly PollingDay { get; private set; }

    /// <summary>The line of the first ordinary contest's first row.</summary>
    public int FirstLine => firstLine;

    /// <summary>The councils, in the order the file first names them.</summary>
    public List<CouncilRows> Councils { get; } = [];

    /// <summary>Data records read (every kind, skipped ones included).</summary>
    public int Records { get; private set; }

    /// <summary>One note per kind of row skipped, saying how many and why.</summary>
    public IEnumerable<string> SkippedNotes => skippedInOrder.Select(s => s.Note());

    /// <summary>
    /// Reads and checks the file. Throws <see cref="MalformedInputException"/> naming the line, the column and the rule
    /// for the first problem found.
    /// </summary>
    public static ResultsFile Read(string path, IProgress<int>? progress)
    {
        var file = new ResultsFile(path);
        using var csv = CsvReader.FromFile(path, CsvOptions);
        try
        {
            file.ReadAll(csv, progress);
        }
        catch (CsvFormatException e)
        {
            throw new MalformedInputException(new SourceLocation(path, e.LineNumber > 0 ? checked((int)e.LineNumber) : 1), e.Message);
        }

        return file;
    }

    /// <summary>Refuses at a line of this file.</summary>
    public MalformedInputException Refuse(int line, string reason) => new(new SourceLocation(path, line), reason);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int LineOf(CsvReader csv) => checked((int)csv.LineNumber);

    private void ReadAll(CsvReader csv, IProgress<int>? progress)
    {
        if (!csv.Read())
        {
            throw Refuse(1, $"The file is empty: a Democracy Club results file has a header row naming {string.Join(", ", RequiredColumns)}.");
        }

        // Democracy Club's 2018 download starts with the stray line "False"; a clean download starts with the header.
        if (csv.FieldCount == 1 && csv.GetString(0).Trim() == Artefact && !csv.Read())
        {
            throw Refuse(2, $"The file has no header after its first line: a Democracy Club results file has a header row naming {string.Join(", ", RequiredColumns)}.");
        }

        var headerLine = LineOf(csv);
        var columns = ReadHeader(csv, headerLine);
        while (csv.Read())
        {
            ReadRecord(csv, columns);
            Records++;
            if (Records % ProgressInterval == 0)
            {
                progress?.Report(Records);
            }
        }

        progress?.Report(Records);
        if (Records == 0)
        {
            throw Refuse(headerLine, "The file has a header but no result rows.");
        }

        if (Councils.Count == 0)
        {
            throw Refuse(headerLine, "The file has no ordinary local ward contests (local.* ballots without a .by. part), which is all Tallyroom imports from it.");
        }
    }

    private Dictionary<string, int> ReadHeader(CsvReader csv, int line)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            names.TryAdd(csv.GetString(i).Trim(), i);
        }

        var missing = RequiredColumns.Where(c => !names.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw Refuse(line, $"The header lacks the column{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)}: a Democracy Club results file needs {string.Join(", ", RequiredColumns)}.");
        }

        return names;
    }

    private void ReadRecord(CsvReader csv, Dictionary<string, int> columns)
    {
        var line = LineOf(csv);
        string Field(string column) => csv.GetString(columns[column]).Trim();

        var electionId = Field(ElectionIdColumn);
        var ballotId = Field(BallotIdColumn);
        if (electionId.Length == 0)
        {
            throw Refuse(line, $"{ElectionIdColumn}: empty; every row names its election.");
        }

        if (ballotId.Length == 0)
        {
            throw Refuse(line, $"{BallotIdColumn}: empty; every row names its ballot.");
        }

        var kind = electionId.Split('.')[0];
        if (kind != LocalKind)
        {
            Skip(kind, ballotId);
            return;
        }

        // A ballot's rows come together, so most rows repeat the ids the previous row checked.
        if (electionId != previous.ElectionId || ballotId != previous.BallotId)
        {
            var (council, polled) = ParseElectionId(electionId, line);
            previous = (electionId, ballotId, council, polled, WardPart(electionId, ballotId, line));
        }

        var (_, _, councilSlug, day, ward) = previous;
        if (ward.EndsWith(ByElectionPart, StringComparison.Ordinal))
        {
            Skip("by", ballotId);
            return;
        }

        if (firstLine == 0)
        {
            firstLine = line;
            PollingDay = day;
        }
        else if (day != PollingDay)
        {
            throw Refuse(line, $"{ElectionIdColumn}: '{electionId}' is for {Iso(day)}, but the ordinary contests of one file share one polling day, and the first (line {Invariant(firstLine)}) is on {Iso(PollingDay)}.");
        }

        var ballot = BallotFor(ballotId, councilSlug, ward, line);
        var personId = Field(PersonIdColumn);
        if (personId.Length == 0)
        {
            throw Refuse(line, $"{PersonIdColumn}: empty; every candidate needs a person id.");
        }

        var twin = ballot.Candidates.Find(c => c.PersonId == personId);
        if (twin is not null)
        {
            throw Refuse(line, $"{PersonIdColumn}: person {personId} appears twice in ballot {ballotId} (first on line {Invariant(twin.Line)}); a candidate stands once in a ballot.");
        }

        var votes = Count(Field(VotesColumn), VotesColumn, "votes", line);
        var elected = Field(WinnerColumn) switch
        {
            var w when w.Equals("True", StringComparison.OrdinalIgnoreCase) => true,
            var w when w.Equals("False", StringComparison.OrdinalIgnoreCase) => false,
            var w => throw Refuse(line, $"{WinnerColumn}: '{w}' is neither True nor False."),
        };
        var spoilt = Count(Field(SpoiltColumn), SpoiltColumn, "rejected ballot papers", line);
        ballot.Candidates.Add(new CandidateRow(line, personId, Field(PersonNameColumn), Field(PartyIdColumn), Field(PartyNameColumn), votes, elected, spoilt));
    }

    private (string CouncilSlug, DateOnly Day) ParseElectionId(string electionId, int line)
    {
        var parts = electionId.Split('.');
        if (parts.Length != 3
            || parts[1].Length == 0
            || parts[1] != Slug.Make(parts[1])
            || !DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw Refuse(line, $"{ElectionIdColumn}: '{electionId}' is not a council election id of the form local.<council>.<yyyy-mm-dd>.");
        }

        return (parts[1], day);
    }

    /// <summary>The ward part of a ballot id (with a trailing <c>.by</c> for a by-election), checked to belong to the election.</summary>
    private string WardPart(string electionId, string ballotId, int line)
    {
        var dateAt = electionId.LastIndexOf('.');
        var prefix = electionId[..(dateAt + 1)];
        var suffix = electionId[dateAt..];
        if (ballotId.Length > prefix.Length + suffix.Length
            && ballotId.StartsWith(prefix, StringComparison.Ordinal)
            && ballotId.EndsWith(suffix, StringComparison.Ordinal))
        {
            var middle = ballotId[prefix.Length..^suffix.Length];
            var ward = middle.EndsWith(ByElectionPart, StringComparison.Ordinal) ? middle[..^ByElectionPart.Length] : middle;
            if (ward.Length > 0 && ward == Slug.Make(ward))
            {
                return middle;
            }
        }

        throw Refuse(line, $"{BallotIdColumn}: '{ballotId}' does not belong to election '{electionId}': its ballots are {prefix}<ward>{suffix}.");
    }

    private BallotRows BallotFor(string ballotId, string councilSlug, string ward, int line)
    {
        if (ballotsById.TryGetValue(ballotId, out var ballot))
        {
            return ballot;
        }

        if (!councilsBySlug.TryGetValue(councilSlug, out var council))
        {
            council = new CouncilRows(councilSlug, line);
            councilsBySlug.Add(councilSlug, council);
            Councils.Add(council);
        }

        ballot = new BallotRows(ballotId, councilSlug, ward, line);
        ballotsById.Add(ballotId, ballot);
        council.Ballots.Add(ballot);
        return ballot;
    }

    private int? Count(string text, string column, string what, int line)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Refuse(line, $"{column}: '{text}' is not a non-negative integer; {what} are whole numbers, zero or more.");
        }

        return value;
    }

    private void Skip(string kind, string ballotId)
    {
        if (!skipped.TryGetValue(kind, out var entry))
        {
            entry = new SkippedKind(kind);
            skipped.Add(kind, entry);
            skippedInOrder.Add(entry);
        }

        entry.Rows++;
        entry.Ballots.Add(ballotId);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Rows of one kind that the importer leaves out, and why.</summary>
    private sealed class SkippedKind(string kind)
    {
        public int Rows { get; set; }

        public HashSet<string> Ballots { get; } = new(StringComparer.Ordinal);

        public string Note()
        {
            var counted = $"Skipped {Rows.ToString("N0", CultureInfo.InvariantCulture)} {Plural.Noun(Rows, "row", "rows")} ({Ballots.Count.ToString("N0", CultureInfo.InvariantCulture)} {Plural.Noun(Ballots.Count, "ballot", "ballots")})";
            return kind switch
            {
                "by" => $"{counted} of local by-elections (ballot ids with a .by. part): they fill casual vacancies, not the seats of this election's ward contests.",
                "mayor" => $"{counted} of mayoral elections (mayor.*): Tallyroom counts council seats, and a mayor holds none.",
                "parl" => $"{counted} of parliamentary elections (parl.*): Tallyroom counts council seats only.",
                _ => $"{counted} of {kind}.* elections: Tallyroom imports local council ward contests only.",
            };
        }
    }
}
