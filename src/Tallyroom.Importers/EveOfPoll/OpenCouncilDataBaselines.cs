using Tallyroom.Core;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Parties;
using static Tallyroom.Importers.EveOfPoll.SeatLists;

namespace Tallyroom.Importers.EveOfPoll;

/// <summary>
/// Format <c>eve-of-poll-ocd</c>: each council's eve-of-poll baseline (statutory size, composition, control before
/// and continuing seats) from Open Council Data (SOURCES.md §5), as one <see cref="CouncilBaselineRecorded"/> per
/// council of the election. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Two files are read. The path given is the councillors roster of the year before polling day
/// (<c>opencouncildata_councillors_2017.csv</c> for 3 May 2018: <c>Council, Ward Name, Councillor Name, Next
/// Election, Party Name, Electoral Commission Party Code</c>). The council-control history (<c>id, council id,
/// authority, year, total, con, lab, ld, green, ukip, ref, pc, snp, other, majority</c>) is the one file named
/// <c>history*.csv</c> in the same folder, as Open Council Data publishes the two side by side. It is found there
/// rather than named in <see cref="ImportOptions"/> so that a manifest entry, which passes on only the options every
/// format shares, can import it.
/// </para>
/// <para>The rules, each stated in the council's Source or in <see cref="ImportBatch.Notes"/>:</para>
/// <list type="bullet">
/// <item>Councils: the election's councils (Democracy Club slugs) are found in both files by
/// <see cref="Slug.ForMatching"/>, then by <see cref="CouncilNames.KnownDifferences"/>; one found nowhere (or twice)
/// is refused, never guessed.</item>
/// <item>Size <c>T</c>: the history's <c>total</c> for the year before polling day (vacancies included), checked against
/// the roster's count. A council whose total changes in the polling day's own year was resized by a boundary review
/// and elects every seat on new wards: its size is the new total, and it has no continuing seats.</item>
/// <item>Eve of poll: the roster's councillors by party, resolved by register id with
/// <see cref="PartyCatalog.Resolve"/>; Open Council Data's "Independent / Other", which has no id, counts as
/// Independent. Compared with the history row's party columns; differences are noted.</item>
/// <item>Control before: the party with at least <c>floor(T/2) + 1</c> seats, else no overall control; compared with
/// the history's <c>majority</c> label.</item>
/// <item>Continuing seats: none when every seat is up (or, for a council whose log lacks a few seats, when more
/// than two thirds are up, which no election by thirds or halves reaches); otherwise eve of poll minus the seats
/// each party defends, reconciled by <see cref="ContinuingSeats"/>.</item>
/// </list>
/// <para>
/// The previous-results importers must run first, so that the ballots carry their defended seats, and so must any
/// import of postponed polls, so that their seats count as up.
/// </para>
/// </remarks>
public static class OpenCouncilDataBaselines
{
    /// <summary>The format name users give on the command line.</summary>
    public const string FormatName = "eve-of-poll-ocd";

    private const string Plurality = " plurality";
    private const string OtherParty = "other";

    // The parties the history's majority labels name (Plaid Cymru PP77, SNP PP102 among them); its "Other" means a
    // party outside these.
    private static readonly string[] HistoryColumns =
        [PartyCatalog.Conservative.Id, PartyCatalog.Labour.Id, PartyCatalog.LiberalDemocrats.Id, PartyCatalog.Green.Id, PartyCatalog.Ukip.Id, "PP77", "PP102"];

    /// <summary>
    /// Reads the roster at <paramref name="path"/> and the history beside it, and returns one
    /// <see cref="CouncilBaselineRecorded"/> per council of <paramref name="current"/>, in slug order, each sourced at
    /// the council's history row. A council that already has a baseline gets a new one, which replaces it.
    /// </summary>
    /// <param name="path">The roster, as the user named it.</param>
    /// <param name="current">The state the batch will be appended to: the election's councils and ballots, with their defended seats.</param>
    /// <param name="options">Only <see cref="ImportOptions.Progress"/> is used.</param>
    /// <exception cref="MalformedInputException">
    /// A file lacks a column, holds a count that is not a whole number or two disagreeing snapshots of one council
    /// and year; no history file (or several) lies beside the roster; a council of the election is not in both files;
    /// or the files and the log contradict each other (more councillors than seats, more seats up than seats).
    /// </exception>
    public static ImportBatch Read(string path, ElectionState current, ImportOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        if (current.Election is null || current.Councils.IsEmpty)
        {
            throw new MalformedInputException(new SourceLocation(path, 1),
                "the log has no councils yet; an eve-of-poll baseline belongs to a council of the election, so import the election (dc-results or leap) first.");
        }

        var eveYear = current.Election.PollingDay.Year - 1;
        var pollingYear = eveYear + 1;
        var historyPath = CouncilHistory.Beside(path);
        var roster = CouncillorRoster.Read(path, options.Progress).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var repeats = new List<string>();
        var history = CouncilHistory.Read(historyPath, new HashSet<int> { eveYear, pollingYear }, repeats);
        var eveRows = history.Values.Where(r => r.Year == eveYear).ToDictionary(r => r.Authority, StringComparer.Ordinal);
        var slugs = current.Councils.Keys.Order(StringComparer.Ordinal).ToList();
        var inRoster = CouncilNames.Match(slugs, roster.Keys, new SourceLocation(path, 1), "roster");
        var inHistory = CouncilNames.Match(slugs, eveRows.Keys, new SourceLocation(historyPath, 1), $"history's {Number(eveYear)} rows");

        var batch = new ImportBatch();
        var councilNotes = new List<string>();
        var tally = new Tally();
        foreach (var slug in slugs)
        {
            var listed = roster[inRoster[slug].Name];
            var before = eveRows[inHistory[slug].Name];
            history.TryGetValue((Slug.ForMatching(before.Authority), pollingYear), out var after);
            var baseline = Baseline(new Sources(path, historyPath, eveYear), current, current.Councils[slug], listed, before, after, councilNotes, tally);
            batch.Add(new CouncilBaselineRecorded(baseline), new SourceLocation(historyPath, before.Line));
        }

        batch.Note($"Eve-of-poll baselines for {Number(slugs.Count)} councils from Open Council Data's {Number(eveYear)} snapshot: councillors by party from {path}; size and control cross-checked with {historyPath} (the history found beside the roster; its {Number(pollingYear)} rows are read only to find councils resized this year).");
        NoteMatches(batch, "roster", inRoster, roster.Count);
        NoteMatches(batch, $"history's {Number(eveYear)} rows", inHistory, eveRows.Count);
        var unregistered = slugs.Sum(s => roster[inRoster[s].Name].UnregisteredCount);
        if (unregistered > 0)
        {
            batch.Note($"{Number(unregistered)} councillors of these councils are filed as '{CouncillorRoster.UnregisteredLabel}' with no register id; they count as Independent (seat totals group independents), and so does any unregistered local group among them.");
        }

        batch.Note($"Continuing seats: {Number(tally.AllOut)} councils all-out (none), {Number(tally.Resized)} resized and all-out on new wards (none), {Number(tally.AllOutWithSeatsMissing)} all-out with seats missing from the log (none), {Number(tally.Partial)} by thirds or halves (eve of poll − defended), of which {Number(tally.Adjusted.Count)} needed reconciling{(tally.Adjusted.Count == 0 ? "." : ": " + string.Join("; ", tally.Adjusted) + ".")}");
        foreach (var note in repeats.Concat(councilNotes))
        {
            batch.Note(note);
        }

        var replaced = slugs.Where(s => current.Councils[s].Baseline is not null).ToList();
        if (replaced.Count > 0)
        {
            batch.Note($"{Plural.Count(replaced.Count, "council", "councils")} already had an eve-of-poll baseline, which this import replaces: {string.Join(", ", replaced)}.");
        }

        return batch;
    }

    private static CouncilBaseline Baseline(Sources files, ElectionState current, CouncilView council, RosterCouncil listed, HistoryRow before, HistoryRow? after, List<string> notes, Tally tally)
    {
        var slug = council.Definition.Slug;
        var size = before.Total;
        var eve = listed.Seats;
        if (eve.Total > size)
        {
            throw new MalformedInputException(new SourceLocation(files.Roster, listed.FirstLine),
                $"'{listed.Name}' has {Number(eve.Total)} councillors in the roster but {Seats(size)} in the history ({files.History}:{Number(before.Line)}); a council seats no more councillors than its size.");
        }

        var vacancies = size - eve.Total;
        var control = ControlOf(eve, size);
        var source = $"Open Council Data {Number(files.EveYear)}: {Seats(size)}{(vacancies > 0 ? $" ({Number(vacancies)} vacant)" : string.Empty)}, {Of(eve)} ({(control is null ? "no overall control" : "control " + Label(control))}).";
        source += CompareWithHistory(slug, eve, vacancies, before, files, notes);
        source += CompareControl(slug, eve, size, control, before, files, notes);
        if (vacancies > 0)
        {
            notes.Add($"{slug}: {Number(vacancies)} vacant on the eve of poll (history total {Number(size)}, {Number(eve.Total)} councillors in the roster).");
        }

        foreach (var (id, names) in listed.NamesById.Where(n => n.Value.Count > 1 && PartyCatalog.Canonical.All(c => c.Id != n.Key)))
        {
            notes.Add($"{slug}: register id {id} is named {string.Join(" and ", names.Select(n => $"'{n}'"))} in the roster; counted as one party, since seats are counted by register id.");
        }

        var seatsUp = council.SeatsUp;
        if (after is null)
        {
            notes.Add($"{slug}: the history has no {Number(files.EveYear + 1)} row, so a change of size this year could not be checked; the {Number(files.EveYear)} size is used.");
        }
        else if (after.Total != size)
        {
            return Resized(files, council, eve, control, source, before, after, notes, tally);
        }

        if (seatsUp > size)
        {
            throw new MalformedInputException(new SourceLocation(files.History, before.Line),
                $"'{before.Authority}' has {Seats(size)}, but the log has {Number(seatsUp)} of them up in {council.Definition.Name}; the history's total and the election's ballots contradict each other.");
        }

        var baseline = new CouncilBaseline
        {
            CouncilSlug = slug,
            StatutorySize = size,
            EveOfPoll = [.. eve.Entries],
            ControlBefore = control,
            Source = source,
        };
        if (seatsUp == size)
        {
            tally.AllOut++;
            return baseline with { Source = source + $" All {Seats(size)} up: no continuing seats." };
        }

        // An election by thirds puts about a third of the seats up, one by halves about half, plus a casual vacancy or
        // two; more than two thirds is an all-out election whose remaining seats are not in the log yet (a
        // countermanded poll not imported). Their holders' terms end with the poll, so they are not continuing.
        if (3 * seatsUp > 2 * size)
        {
            tally.AllOutWithSeatsMissing++;
            notes.Add($"{slug}: {Number(seatsUp)} of {Seats(size)} up in the log's ballots, more than an election by thirds or halves elects, so it is taken as all-out with {Seats(size - seatsUp)} in polls not in the log (import postponed polls before this); no continuing seats, and those count as undeclared.");
            return baseline with { Source = source + $" {Number(seatsUp)} of {Seats(size)} up in the log, more than thirds or halves elect, so all-out: no continuing seats, and {Seats(size - seatsUp)} in polls not in the log left undeclared." };
        }

        tally.Partial++;
        var reconciled = ContinuingSeats.Reconcile(eve, size, vacancies, seatsUp, council.BallotIds.Select(id => current.Ballots[id]));
        if (reconciled.Adjustment is { } adjustment)
        {
            tally.Adjusted.Add($"{slug} ({adjustment})");
        }

        return baseline with { Continuing = [.. reconciled.Continuing.Entries], Source = source + " " + reconciled.Sentence };
    }

    private static CouncilBaseline Resized(Sources files, CouncilView council, PartySeats eve, Party? control, string source, HistoryRow before, HistoryRow after, List<string> notes, Tally tally)
    {
        var slug = council.Definition.Slug;
        var seatsUp = council.SeatsUp;
        if (seatsUp > after.Total || 3 * seatsUp <= 2 * after.Total)
        {
            throw new MalformedInputException(new SourceLocation(files.History, after.Line),
                $"'{after.Authority}' changes size from {Number(before.Total)} ({Number(before.Year)}, line {Number(before.Line)}) to {Number(after.Total)} ({Number(after.Year)}), which only a boundary review with an all-out election on new wards does, but the log has {Number(seatsUp)} of its seats up; the history and the election's ballots contradict each other.");
        }

        tally.Resized++;
        notes.Add($"{slug}: resized from {Number(before.Total)} to {Seats(after.Total)} ({files.History}:{Number(after.Line)}), all up on new wards: size {Number(after.Total)}, no continuing seats; the eve-of-poll composition ({Of(eve)}) is of the old {Seats(before.Total)}.");
        return new CouncilBaseline
        {
            CouncilSlug = slug,
            StatutorySize = after.Total,
            EveOfPollSize = before.Total,
            EveOfPoll = [.. eve.Entries],
            ControlBefore = control,
            Source = source + $" Resized to {Seats(after.Total)} (Open Council Data {Number(after.Year)}), all up on new wards: no continuing seats; the eve-of-poll composition above is of the old {Seats(before.Total)}.",
        };
    }

    /// <summary>The party with at least <c>floor(T/2) + 1</c> seats; null (no overall control) when none has.</summary>
    private static Party? ControlOf(PartySeats seats, int size)
    {
        var (leader, tied) = seats.Largest();
        return leader is not null && !tied && leader.Seats >= CouncilControl.MajorityThreshold(size) ? leader.Party : null;
    }

    private static string CompareWithHistory(string slug, PartySeats eve, int vacancies, HistoryRow row, Sources files, List<string> notes)
    {
        var five = new[] { PartyCatalog.Conservative, PartyCatalog.Labour, PartyCatalog.LiberalDemocrats, PartyCatalog.Green, PartyCatalog.Ukip };
        var others = eve.Total - five.Sum(p => eve.Get(p.Id));
        (string Label, int Roster, int History)[] columns =
        [
            ("Con", eve.Get(PartyCatalog.Conservative.Id), row.Con),
            ("Lab", eve.Get(PartyCatalog.Labour.Id), row.Lab),
            ("LD", eve.Get(PartyCatalog.LiberalDemocrats.Id), row.LiberalDemocrats),
            ("Grn", eve.Get(PartyCatalog.Green.Id), row.Green),
            ("UKIP", eve.Get(PartyCatalog.Ukip.Id), row.Ukip),
            ("other", others, row.Other),
            ("vacant", vacancies, row.Vacant),
        ];
        var differing = columns.Where(c => c.Roster != c.History).ToList();
        if (differing.Count == 0)
        {
            return string.Empty;
        }

        var history = string.Join(", ", differing.Select(c => $"{c.Label} {Number(c.History)}"));
        var listed = string.Join(", ", differing.Select(c => $"{c.Label} {Number(c.Roster)}"));
        notes.Add($"{slug}: the roster has {listed}; the history row ({files.History}:{Number(row.Line)}) has {history}. The roster's councillors are counted.");
        return $" Its history row has {history} (roster {listed}); the roster is counted.";
    }

    private static string CompareControl(string slug, PartySeats eve, int size, Party? control, HistoryRow row, Sources files, List<string> notes)
    {
        var label = row.Majority;
        var plurality = label.EndsWith(Plurality, StringComparison.OrdinalIgnoreCase);
        var named = plurality ? label[..^Plurality.Length].Trim() : label;
        bool? agrees = plurality || named.Equals("NOC", StringComparison.OrdinalIgnoreCase)
            ? control is null
            : HistoryParty(named) switch
            {
                { } id when id == OtherParty => control is not null && !HistoryColumns.Contains(control.Id),
                { } id => control?.Id == id,
                null => null,
            };
        var majority = CouncilControl.MajorityThreshold(size);
        var (leader, _) = eve.Largest();
        var ours = control is null
            ? $"no party has the {Number(majority)} seats a majority needs (largest {(leader is null ? "none" : $"{Label(leader.Party)} {Number(leader.Seats)}")})"
            : $"{Label(control)} has {Number(eve.Get(control.Id))}, at least the {Number(majority)} a majority needs";
        switch (agrees)
        {
            case true:
                return string.Empty;
            case null:
                notes.Add($"{slug}: the history's majority '{label}' ({files.History}:{Number(row.Line)}) is not a label this importer knows, so control was not cross-checked; by the roster {ours}.");
                return string.Empty;
            default:
                notes.Add($"{slug}: the history's majority is '{label}' ({files.History}:{Number(row.Line)}), but by the roster {ours}; control before is taken from the roster.");
                return $" Its history row's majority is '{label}', but {ours}.";
        }
    }

    private static string? HistoryParty(string label) => label.ToUpperInvariant() switch
    {
        "CON" => PartyCatalog.Conservative.Id,
        "LAB" => PartyCatalog.Labour.Id,
        "LD" => PartyCatalog.LiberalDemocrats.Id,
        "GREEN" or "GRN" => PartyCatalog.Green.Id,
        "UKIP" => PartyCatalog.Ukip.Id,
        "PLAID" or "PC" => "PP77", // Plaid Cymru's register id
        "SNP" => "PP102", // the Scottish National Party's register id
        "OTHER" => OtherParty,
        _ => null,
    };

    private static void NoteMatches(ImportBatch batch, string fileKind, Dictionary<string, CouncilMatch> matches, int namesInFile)
    {
        var known = matches.Where(m => m.Value.ByKnownDifference).Select(m => $"{m.Key} = '{m.Value.Name}'").ToList();
        var renamed = matches.Where(m => !m.Value.ByKnownDifference && Slug.Make(m.Value.Name) != m.Key).Select(m => $"{m.Key} = '{m.Value.Name}'").ToList();
        var others = namesInFile - matches.Count;
        batch.Note($"The {fileKind}: all {Number(matches.Count)} councils of the election found, {Number(matches.Count - known.Count)} by name as Slug.ForMatching has it{(renamed.Count > 0 ? $" (of which differing only in punctuation, '&' or 'the': {string.Join(", ", renamed)})" : string.Empty)}{(known.Count > 0 ? $", {Number(known.Count)} through a known difference ({string.Join(", ", known)})" : string.Empty)}; {(others == 1 ? "its one other council is" : $"its other {Number(others)} councils are")} not in this election.");
    }

    /// <summary>The two files and the snapshot year, for messages.</summary>
    private sealed record Sources(string Roster, string History, int EveYear);

    /// <summary>How the councils' continuing seats were decided, for the summary note.</summary>
    private sealed class Tally
    {
        public int AllOut { get; set; }

        public int Resized { get; set; }

        public int AllOutWithSeatsMissing { get; set; }

        public int Partial { get; set; }

        public List<string> Adjusted { get; } = [];
    }
}
