using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using Tallyroom.Core;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Parties;

namespace Tallyroom.Importers.Baseline;

/// <summary>
/// Format <c>baseline</c>: a CSV through which a user supplies or overrides any part of the baselines — notional
/// results after boundary changes, defended seats, continuing seats, eve-of-poll composition and control, statutory
/// size. One row per fact; the rows given for a council or ballot replace those parts of its baseline and keep the
/// rest. The format is documented in docs/BASELINES.md. Thread-safe.
/// </summary>
public static class BaselineCsv
{
    /// <summary>The format name users give on the command line.</summary>
    public const string FormatName = "baseline";

    private static readonly string[] Columns = ["record", "council", "ballot", "party", "seats", "votes", "candidate", "elected", "kind", "last_fought", "source"];

    private static readonly CsvReaderOptions CsvOptions = CsvReaderOptions.Default with
    {
        HasHeader = false, // the header is checked by name below, so that a missing column is reported clearly
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>
    /// Reads a baseline file into <see cref="CouncilBaselineRecorded"/> and <see cref="BallotBaselineRecorded"/>
    /// events, one per council or ballot the file names, in the order first named. Every council and ballot must
    /// already be in <paramref name="current"/>.
    /// </summary>
    /// <exception cref="MalformedInputException">A row breaks a rule; the message gives file:line and the rule.</exception>
    public static ImportBatch Read(string path, ElectionState current, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        var rows = ReadRows(path, options.Progress);
        var parties = new PartyLookup(current);
        var councils = new Dictionary<string, CouncilEdit>(StringComparer.Ordinal);
        var ballots = new Dictionary<string, BallotEdit>(StringComparer.Ordinal);
        var order = new List<(bool IsCouncil, string Key, int Line)>();
        foreach (var row in rows)
        {
            switch (row.Record)
            {
                case "size" or "eve-of-poll" or "control-before" or "continuing":
                    var slug = row.Required("council");
                    if (!current.Councils.TryGetValue(slug, out var council))
                    {
                        throw row.Error($"council '{slug}' is not in this election.");
                    }

                    if (!councils.TryGetValue(slug, out var councilEdit))
                    {
                        councils[slug] = councilEdit = new CouncilEdit(council.Baseline);
                        order.Add((true, slug, row.Line));
                    }

                    councilEdit.Apply(row, parties);
                    break;
                case "defended" or "previous" or "not-comparable":
                    var id = row.Required("ballot");
                    if (!current.Ballots.TryGetValue(id, out var ballot))
                    {
                        throw row.Error($"ballot '{id}' is not in this election.");
                    }

                    if (!ballots.TryGetValue(id, out var ballotEdit))
                    {
                        ballots[id] = ballotEdit = new BallotEdit(ballot.Baseline);
                        order.Add((false, id, row.Line));
                    }

                    ballotEdit.Apply(row, parties);
                    break;
                default:
                    throw row.Error($"record: '{row.Record}' is not one of size, eve-of-poll, control-before, continuing, defended, previous, not-comparable.");
            }
        }

        var batch = new ImportBatch();
        foreach (var (isCouncil, key, line) in order)
        {
            var where = new SourceLocation(path, line);
            batch.Add(isCouncil
                ? new CouncilBaselineRecorded(councils[key].Build(key, where))
                : new BallotBaselineRecorded(ballots[key].Build(key, where)), where);
        }

        batch.Note(string.Create(CultureInfo.InvariantCulture, $"Baselines from {path}: {Plural.Count(councils.Count, "council", "councils")} and {Plural.Count(ballots.Count, "ballot", "ballots")} set or overridden."));
        return batch;
    }

    private static List<Row> ReadRows(string path, IProgress<int>? progress)
    {
        var rows = new List<Row>();
        try
        {
            using var csv = CsvReader.FromFile(path, CsvOptions);
            if (!csv.Read())
            {
                throw new MalformedInputException(new SourceLocation(path, 1), "the file is empty; it needs a header row: " + string.Join(',', Columns) + ".");
            }

            var header = CsvColumns.Locate(path, csv, Columns, "a baseline file");
            var index = Columns.ToDictionary(c => c, c => header[c], StringComparer.Ordinal);
            while (csv.Read())
            {
                var line = checked((int)csv.LineNumber);
                var values = index.ToDictionary(kv => kv.Key, kv => kv.Value < csv.FieldCount ? csv.GetString(kv.Value).Trim() : string.Empty, StringComparer.Ordinal);
                if (values.Values.All(string.IsNullOrEmpty))
                {
                    continue;
                }

                rows.Add(new Row(path, line, values));
                if (rows.Count % 1000 == 0)
                {
                    progress?.Report(rows.Count);
                }
            }
        }
        catch (CsvFormatException e)
        {
            throw new MalformedInputException(new SourceLocation(path, checked((int)Math.Max(1, e.LineNumber))), "the CSV quoting is broken: " + e.Message);
        }

        return rows;
    }

    private sealed class Row(string path, int line, Dictionary<string, string> values)
    {
        public int Line => line;

        public string Record => values["record"];

        public string Value(string column) => values[column];

        public string Required(string column) =>
            values[column] is { Length: > 0 } value ? value : throw Error($"{column}: a '{Record}' row needs a {column}.");

        public int Count(string column)
        {
            var text = Required(column);
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw Error($"{column}: '{text}' is not a whole number of zero or more.");
        }

        public MalformedInputException Error(string reason) => new(new SourceLocation(path, line), reason);
    }

    /// <summary>Resolves the party column: a party of this election by register id or name, else a known alias, else a party of its own.</summary>
    private sealed class PartyLookup
    {
        private readonly Dictionary<string, Party> known = new(StringComparer.OrdinalIgnoreCase);

        public PartyLookup(ElectionState current)
        {
            foreach (var party in current.Ballots.Values.SelectMany(b => b.Definition.Candidates).Select(c => c.Party).Concat(PartyCatalog.Canonical))
            {
                known.TryAdd(party.Id, party);
                known.TryAdd(party.Name, party);
            }
        }

        public Party Resolve(string text) => known.TryGetValue(text, out var party) ? party : PartyCatalog.Resolve(null, text);
    }

    private sealed class CouncilEdit(CouncilBaseline? existing)
    {
        private int? size = existing?.StatutorySize;
        private ImmutableArray<PartyCount>? eveOfPoll;
        private ImmutableArray<PartyCount>? continuing;
        private Party? controlBefore = existing?.ControlBefore;
        private bool controlGiven;
        private string? source;

        public void Apply(Row row, PartyLookup parties)
        {
            source ??= row.Value("source") is { Length: > 0 } s ? s : null;
            switch (row.Record)
            {
                case "size":
                    size = row.Count("seats");
                    break;
                case "control-before":
                    var party = row.Required("party");
                    controlBefore = party is "NOC" or "No overall control" ? null : parties.Resolve(party);
                    controlGiven = true;
                    break;
                case "eve-of-poll":
                    eveOfPoll = (eveOfPoll ?? []).Add(new PartyCount(parties.Resolve(row.Required("party")), row.Count("seats")));
                    break;
                default:
                    continuing = (continuing ?? []).Add(new PartyCount(parties.Resolve(row.Required("party")), row.Count("seats")));
                    break;
            }
        }

        public CouncilBaseline Build(string slug, SourceLocation where)
        {
            var statutory = size ?? throw new MalformedInputException(where, $"council '{slug}' has no baseline yet, so the file must give its size (a 'size' row).");
            var eve = eveOfPoll ?? existing?.EveOfPoll ?? [];
            return new CouncilBaseline
            {
                CouncilSlug = slug,
                StatutorySize = statutory,
                EveOfPoll = [.. PartySeats.Of(eve).Entries],
                ControlBefore = controlGiven || existing is not null ? controlBefore : Majority(PartySeats.Of(eve), statutory),
                Continuing = [.. PartySeats.Of(continuing ?? existing?.Continuing ?? []).Entries],
                Source = Describe(where, source, existing?.Source),
            };
        }

        private static Party? Majority(PartySeats seats, int size) =>
            CouncilControl.Decide(seats, size, 0, allDeclared: true).Party;
    }

    private sealed class BallotEdit(BallotBaseline? existing)
    {
        private ImmutableArray<PartyCount>? defended;
        private ImmutableArray<PreviousCandidate>? previous;
        private BaselineKind? kind;
        private DateOnly? lastFought;
        private bool notComparable;
        private string? source;

        public void Apply(Row row, PartyLookup parties)
        {
            source ??= row.Value("source") is { Length: > 0 } s ? s : null;
            if (row.Value("kind") is { Length: > 0 } k)
            {
                kind = k switch
                {
                    "actual" => BaselineKind.Actual,
                    "notional" => BaselineKind.Notional,
                    _ => throw row.Error($"kind: '{k}' is not actual or notional."),
                };
            }

            if (row.Value("last_fought") is { Length: > 0 } date)
            {
                lastFought = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : throw row.Error($"last_fought: '{date}' is not a date written yyyy-mm-dd.");
            }

            switch (row.Record)
            {
                case "not-comparable":
                    notComparable = true;
                    break;
                case "defended":
                    defended = (defended ?? []).Add(new PartyCount(parties.Resolve(row.Required("party")), row.Count("seats")));
                    break;
                default:
                    var votes = row.Value("votes") is { Length: > 0 } ? row.Count("votes") : (int?)null;
                    var elected = row.Value("elected") switch
                    {
                        "true" or "yes" or "1" => true,
                        "false" or "no" or "0" or "" => false,
                        var other => throw row.Error($"elected: '{other}' is not true or false."),
                    };
                    previous = (previous ?? []).Add(new PreviousCandidate(row.Required("candidate"), parties.Resolve(row.Required("party")), votes, elected));
                    break;
            }
        }

        public BallotBaseline Build(string id, SourceLocation where)
        {
            if (notComparable && defended is not null)
            {
                throw new MalformedInputException(where, $"ballot '{id}' is marked not-comparable and also given defended seats; it can be only one.");
            }

            if (notComparable)
            {
                return new BallotBaseline { BallotId = id, Kind = BaselineKind.NotComparable, Source = Describe(where, source, existing?.Source) };
            }

            return new BallotBaseline
            {
                BallotId = id,
                Kind = kind ?? (existing is { Kind: not BaselineKind.NotComparable } ? existing.Kind : BaselineKind.Notional),
                LastFought = lastFought ?? existing?.LastFought,
                Defended = [.. PartySeats.Of(defended ?? existing?.Defended ?? []).Entries],
                Previous = previous ?? existing?.Previous ?? [],
                Source = Describe(where, source, existing?.Source),
            };
        }
    }

    private static string Describe(SourceLocation where, string? given, string? replaced) =>
        (given ?? $"User baseline {where}") + (replaced is null ? string.Empty : $" (replacing: {replaced})");
}
