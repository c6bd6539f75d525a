using System.Globalization;
using System.Text.RegularExpressions;
using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;

namespace Tallyroom.Importers.Leap;

/// <summary>
/// Imports Andrew Teale's Local Elections Archive Project (LEAP) results files, format name <c>leap</c>: one row per
/// candidate with council, ward, Teale's party code, votes and an elected flag. Two layouts, told from line 1: the
/// headerless 8-field files of 2016 and later (<c>council_name, council_ons, ward_name, ward_ons, candidate_name,
/// party_short, votes, elected_flag</c>) and the 2014 file with the header <c>Ward, Council, Candidate, Party, Votes,
/// Elected</c> and no ONS codes. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// What the file cannot say is decided by documented rules, each reported in <see cref="ImportBatch.Notes"/>:
/// </para>
/// <list type="bullet">
/// <item>Seats up = the ward's rows flagged elected (LEAP has no seats column).</item>
/// <item>Candidate ids: LEAP has none, so a candidate's id is the slug of their name, with <c>-2</c>, <c>-3</c> added
/// when two in one ward share it.</item>
/// <item>Uncontested: a ward with no more candidates than seats had no poll. LEAP writes 0 votes for it; they are
/// recorded as no votes (null), and the ward is declared even when only setting up.</item>
/// <item>Ties: LEAP has no lot flag. When the lowest elected candidate has the votes of the highest one not elected,
/// every candidate at that level, on both sides, is marked decided by lot.</item>
/// <item>By-elections: a council with few contests (<see cref="LeapOptions.ByElectionOnlyMaxContests"/>) held only
/// same-day by-elections, not an ordinary election, and is left out.</item>
/// <item>Countermanded polls (<see cref="LeapOptions.PostponedBallotIds"/>) are defined and postponed, not declared.</item>
/// <item>Rows with no candidate or no ward (Teale's NULL) and mayoral pseudo-wards are skipped.</item>
/// </list>
/// </remarks>
public static partial class LeapResults
{
    /// <summary>The format name users give on the command line.</summary>
    public const string FormatName = "leap";

    // The list may be the user's, so the reason names no cause; the note says where the ballot's rows came from.
    private const string PostponedReason = "Poll countermanded; a later poll, with its own identifier, fills the seats.";

    /// <summary>Reads a LEAP file with the default <see cref="LeapOptions"/>. See <see cref="Read(string, ElectionState, ImportOptions, LeapOptions)"/>.</summary>
    public static ImportBatch Read(string path, ElectionState current, ImportOptions options) =>
        Read(path, current, options, new LeapOptions());

    /// <summary>
    /// Reads a LEAP file into events, in this order: the election (only when <paramref name="current"/> has none),
    /// each council not yet in <paramref name="current"/>, each ward's ballot not yet defined, then per ballot a
    /// postponement for a countermanded poll, or a declaration (uncontested wards always; the others unless
    /// <see cref="ImportOptions.SetupOnly"/>). Ballots already postponed or declared in <paramref name="current"/> are
    /// left alone, so a setup import can be followed by a full one.
    /// </summary>
    /// <param name="path">The file, as the user named it (the name used in error messages and notes).</param>
    /// <param name="current">The state the batch will be appended to.</param>
    /// <param name="options">The polling day (else a <c>yyyy-mm-dd</c> in the file name), setup-only, progress.</param>
    /// <param name="leap">The rules for by-election councils and countermanded polls.</param>
    /// <exception cref="MalformedInputException">
    /// The file breaks a rule (the message gives file:line, the field and the rule), the polling day is unknown, or it
    /// is not the day of the election <paramref name="current"/> holds.
    /// </exception>
    public static ImportBatch Read(string path, ElectionState current, ImportOptions options, LeapOptions leap)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(leap);

        var batch = new ImportBatch();
        var day = PollingDay(path, options, batch);
        var records = LeapFile.Read(path, options.Progress);
        var councils = LeapContests.Group(path, records, batch);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var taking = new List<LeapCouncil>();
        var planned = new List<LeapBallot>();
        foreach (var council in councils)
        {
            var leftOut = IsByElectionOnly(council, leap, batch);

            // A left-out council's wards are still checked, so that whether a file is refused does not depend on the
            // by-election rule; only their notes are dropped.
            var ballots = council.Wards.Select(w => LeapBallots.Build(path, council, w, date, leftOut ? new ImportBatch() : batch)).ToList();
            if (!leftOut)
            {
                taking.Add(council);
                planned.AddRange(ballots);
            }
        }

        if (current.Election is { } existing && existing.Id != "local." + date)
        {
            throw new MalformedInputException(new SourceLocation(path, records[0].Line),
                $"the file's contests belong to election local.{date}, but the log holds election {existing.Id}; one log holds one election.");
        }

        if (current.Election is null)
        {
            var election = new ElectionInfo
            {
                Id = "local." + date,
                Name = "Local elections, " + day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
                PollingDay = day,
            };
            batch.Add(new ElectionDefined(election), new SourceLocation(path, records[0].Line));
        }

        foreach (var council in taking.Where(c => !current.Councils.ContainsKey(Slug.Make(c.Name))))
        {
            batch.Add(new CouncilDefined(new CouncilDefinition
            {
                Slug = Slug.Make(council.Name),
                Name = council.Name,
                GssCode = council.GssCode,
                Type = CouncilTypes.FromGssCode(council.GssCode),
            }), new SourceLocation(path, council.FirstLine));
        }

        var alreadyDefined = 0;
        foreach (var ballot in planned)
        {
            if (current.Ballots.ContainsKey(ballot.Definition.Id))
            {
                alreadyDefined++;
                continue;
            }

            batch.Add(new BallotDefined(ballot.Definition), ballot.Where);
        }

        var alreadyDone = 0;
        foreach (var ballot in planned)
        {
            current.Ballots.TryGetValue(ballot.Definition.Id, out var before);
            if (leap.PostponedBallotIds.Contains(ballot.Definition.Id))
            {
                if (before?.Status == BallotStatus.Postponed)
                {
                    alreadyDone++;
                    continue;
                }

                batch.Add(new BallotPostponed(ballot.Definition.Id, PostponedReason), ballot.Where);
                batch.Note(FormattableString.Invariant(
                    $"{ballot.Definition.Id}: poll countermanded, so postponed; its {Plural.Count(ballot.Definition.SeatsUp, "seat stays", "seats stay")} in {ballot.Council.Name}, undeclared. LEAP's {Plural.Count(ballot.Definition.Candidates.Length, "row for it is", "rows for it are")} the result of the poll held later in its place: {Plural.Noun(ballot.Definition.Candidates.Length, "its candidate defines the ballot and its elected flag gives the seats up, but it is", "their candidates define the ballot and their elected flags give the seats up, but they are")} not declared here."));
                continue;
            }

            if (options.SetupOnly && !ballot.Definition.IsUncontested)
            {
                continue;
            }

            if (before is { HasResult: true })
            {
                alreadyDone++;
                continue;
            }

            batch.Add(new DeclarationRecorded(ballot.Declaration), ballot.Where);
        }

        NoteMissingPostponements(leap, date, taking, planned, batch);
        if (alreadyDefined > 0 || alreadyDone > 0)
        {
            batch.Note(FormattableString.Invariant(
                $"{Plural.Count(alreadyDefined, "ballot was", "ballots were")} already defined and {alreadyDone} already declared or postponed in the log; they were left as they are."));
        }

        return batch;
    }

    /// <summary>
    /// The polling day: <see cref="ImportOptions.PollingDay"/> (noting a different date in the file name), else the
    /// <c>yyyy-mm-dd</c> in the file name. Also used by the previous-results importer, which reads LEAP files too.
    /// </summary>
    internal static DateOnly PollingDay(string path, ImportOptions options, ImportBatch batch)
    {
        var match = DateInName().Match(Path.GetFileName(path));
        DateOnly? fromName = match.Success && DateOnly.TryParseExact(match.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var named)
            ? named
            : null;
        if (options.PollingDay is { } given)
        {
            if (fromName is { } other && other != given)
            {
                batch.Note(FormattableString.Invariant(
                    $"The polling day given, {given:yyyy-MM-dd}, is used, although the file name says {other:yyyy-MM-dd}."));
            }

            return given;
        }

        return fromName ?? throw new MalformedInputException(new SourceLocation(path, 1),
            "no polling day: LEAP rows do not carry the date, the file name has no valid yyyy-mm-dd, and ImportOptions.PollingDay is not set.");
    }

    /// <summary>
    /// Whether the council held only same-day by-elections (at most <see cref="LeapOptions.ByElectionOnlyMaxContests"/>
    /// contests); if so a note says it is left out. Also used by the previous-results importer.
    /// </summary>
    internal static bool IsByElectionOnly(LeapCouncil council, LeapOptions leap, ImportBatch batch)
    {
        if (council.Wards.Count > leap.ByElectionOnlyMaxContests)
        {
            return false;
        }

        var code = council.GssCode is null ? string.Empty : $" ({council.GssCode})";
        var wards = string.Join(", ", council.Wards.Select(w => w.Name));
        var seats = council.Wards.Sum(w => w.Rows.Count(r => r.Elected));
        batch.Note(FormattableString.Invariant(
            $"line {council.FirstLine}: {council.Name}{code} has only {Plural.Count(council.Wards.Count, "contest", "contests")} in the file ({wards}; {Plural.Count(seats, "seat", "seats")}), so it is taken as {Plural.Noun(council.Wards.Count, "a same-day by-election", "same-day by-elections")} in a council with no ordinary election, and left out (rule: at most {leap.ByElectionOnlyMaxContests} contests, LeapOptions.ByElectionOnlyMaxContests)."));
        return true;
    }

    // Only for councils in the file: a file of a few councils should not be told about every other council's polls.
    private static void NoteMissingPostponements(LeapOptions leap, string date, List<LeapCouncil> taking, List<LeapBallot> planned, ImportBatch batch)
    {
        var found = planned.Select(b => b.Definition.Id).ToHashSet(StringComparer.Ordinal);
        var councilPrefixes = taking.Select(c => "local." + Slug.Make(c.Name) + ".").ToList();
        var missing = leap.PostponedBallotIds
            .Where(id => id.EndsWith("." + date, StringComparison.Ordinal) && !found.Contains(id))
            .Where(id => councilPrefixes.Any(prefix => id.StartsWith(prefix, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
        foreach (var id in missing)
        {
            batch.Note($"{id} is listed as countermanded, but its council's rows have no such ward; nothing was postponed for it.");
        }
    }

    [GeneratedRegex(@"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DateInName();
}
