using System.Collections.Immutable;
using System.Globalization;
using Tallyroom.Core;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Parties;

namespace Tallyroom.Importers.Previous;

/// <summary>Which winners of the previous election held the seats up now, by how long before it was.</summary>
internal enum PreviousCycle
{
    /// <summary>Four years before, a full term: the same seats. When more were elected then, the top-placed took the full term.</summary>
    TermBefore,

    /// <summary>
    /// Two years before, in a council that elected every seat then (all-out, usually on new boundaries) and elects by
    /// thirds now: the lowest-placed winners got the shortest term, ending now.
    /// </summary>
    AllOutTwoYearsBefore,
}

/// <summary>
/// Turns a previous election's ward contests into <see cref="BallotBaselineRecorded"/> events for the ballots of the
/// election in the log: matching (<see cref="WardMatching"/>), the defended-seat rules and the notes. Thread-safe.
/// </summary>
internal static class PreviousResults
{
    private static readonly LocalPartyRule[] LocalPartyRules = [LocalPartyRule.SameName, LocalPartyRule.Abbreviation, LocalPartyRule.OnlyOneOnEachSide];

    /// <summary>
    /// Adds to <paramref name="batch"/> one baseline per ballot of <paramref name="current"/> whose council the file
    /// covers (in ballot id order), and notes saying what was matched and why not.
    /// </summary>
    /// <exception cref="MalformedInputException">The ward-code changes file is malformed.</exception>
    public static ImportBatch Read(PreviousContests file, ElectionState current, ImportOptions options, ImportBatch batch)
    {
        var cycle = CycleOf(file.Path, file.PollingDay, current);
        var election = current.Election!;
        var changes = options.WardCodeChangesPath is { } changesPath ? WardCodeChanges.Read(changesPath) : null;
        var matching = new WardMatching(file, changes);
        if (changes is { MalformedPreviousCodeLines.Count: > 0 })
        {
            batch.Note($"{Path.GetFileName(changes.Path)}: GEOGCD_P is not a well-formed ONS code on {Plural.Noun(changes.MalformedPreviousCodeLines.Count, "line", "lines")} {string.Join(", ", changes.MalformedPreviousCodeLines.Select(l => l.ToString(CultureInfo.InvariantCulture)))}; those rows still mark their new code, but the malformed code is not used to find the newest code in use.");
        }

        var allOut = cycle == PreviousCycle.AllOutTwoYearsBefore ? AllOutCouncils(file, election, batch) : null;
        NoteMethod(file, changes, matching, batch);

        var tally = new Tally();
        var aliased = new SortedSet<string>(StringComparer.Ordinal);
        var covered = new List<(BallotDefinition Ballot, WardMatch Match)>();
        foreach (var ballot in current.Ballots.Values.Select(b => b.Definition).OrderBy(b => b.Id, StringComparer.Ordinal))
        {
            var council = current.Councils[ballot.CouncilSlug].Definition;
            var (previousCouncil, withoutCityOf) = matching.FindCouncil(council);
            var match = matching.Match(ballot, previousCouncil);
            if (match.Kind == MatchKind.NotCovered)
            {
                tally.NotCovered.Add(ballot.CouncilSlug);
                tally.NotCoveredBallots++;
                continue;
            }

            if (allOut is not null && !allOut.Contains(match.Council!))
            {
                tally.NotAllOut.Add(ballot.CouncilSlug);
                tally.NotAllOutBallots++;
                continue;
            }

            if (withoutCityOf && match.Council == previousCouncil)
            {
                aliased.Add($"{council.Name} ({council.Slug}) is {file.Label}'s '{previousCouncil!.Name}': council names were compared without a leading \"City of\".");
            }

            covered.Add((ballot, match));
        }

        // A local party keyed differently by the file and by this election would otherwise defend its seats under
        // one key and win them under another: a loss and a gain where it held its wards.
        var parties = LocalParties(file, current, covered, batch);
        foreach (var (ballot, match) in covered)
        {
            if (ballot.WardGssCode is null && matching.FileHasWardCodes)
            {
                tally.NameOnlyInCodedFile++;
            }

            var local = parties.GetValueOrDefault(ballot.CouncilSlug, LocalPartyMatch.None);
            var (baseline, where, cause) = match.Kind == MatchKind.Matched
                ? FromWard(file, ballot, match, cycle, election, tally, batch, local)
                : (NotComparable(file, ballot.Id, match.Reason), match.Council!.Line, match.Cause);
            if (cause is { } why)
            {
                tally.ByCause[why] = tally.ByCause.GetValueOrDefault(why) + 1;
                if (match.Redrawn is { } change && changes!.IsOneToOne(change))
                {
                    tally.OneToOne.Add($"{ballot.WardName} ({change.PreviousCode} → {change.Code})");
                }
            }
            else
            {
                tally.Actual++;
            }

            tally.Covered.Add(ballot.CouncilSlug);
            batch.Add(new BallotBaselineRecorded(baseline), new SourceLocation(file.Path, where));
        }

        foreach (var note in aliased)
        {
            batch.Note(note);
        }

        NoteOutcome(file, tally, batch);
        return batch;
    }

    /// <summary>
    /// Which previous winners hold the seats up now, from how long before the election in the log the previous poll
    /// was. Called before a file is read, so that a wrong day or an empty log is refused at once.
    /// </summary>
    /// <exception cref="MalformedInputException">The log holds no election, or the poll is not 4 or 2 years before it.</exception>
    public static PreviousCycle CycleOf(string path, DateOnly day, ElectionState current)
    {
        var election = current.Election ?? throw new MalformedInputException(new SourceLocation(path, 1),
            "the log holds no election yet: previous results are matched to the ballots of the election in the log, so import its ballots first.");
        var years = election.PollingDay.Year - day.Year;
        if (day < election.PollingDay && years == 4)
        {
            return PreviousCycle.TermBefore;
        }

        if (day < election.PollingDay && years == 2)
        {
            return PreviousCycle.AllOutTwoYearsBefore;
        }

        throw new MalformedInputException(new SourceLocation(path, 1), string.Create(CultureInfo.InvariantCulture,
            $"the previous poll, {Iso(day)}, is not 4 or 2 years before the election in the log ({election.Id}): seats up now were last fought a four-year term before, or two years before where a council elected every seat then; which winners of another year held these seats depends on the cycle, so it is not supported."));
    }

    /// <summary>
    /// The councils whose previous election was all-out: more than half of their wards elected two or more
    /// councillors. In a year of thirds a ward elects one (two when a casual vacancy is filled too), so the 2016
    /// elections of thirds councils never come near half; those that elected every seat on new boundaries did.
    /// </summary>
    private static HashSet<PreviousCouncil> AllOutCouncils(PreviousContests file, ElectionInfo election, ImportBatch batch)
    {
        var allOut = file.Councils.Where(c => c.Wards.Count(w => w.Winners >= 2) * 2 > c.Wards.Count).ToHashSet();
        var listed = string.Join(", ", allOut.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Name} ({c.Wards.Count(w => w.Winners >= 2)} of {c.Wards.Count} wards, {c.Wards.Sum(w => w.Winners)} seats)")));
        batch.Note(string.Create(CultureInfo.InvariantCulture,
            $"{file.Label} is two years before {election.Id}: its winners defend seats up now only where the council elected every seat then (all-out, on new boundaries) and now elects by thirds, the lowest-placed having got the shortest term. Rule: a council was all-out when more than half its wards elected two or more councillors (a year of thirds elects one a ward, bar casual vacancies). All-out: {(allOut.Count == 0 ? "none" : listed)}. The other {Plural.Count(file.Councils.Count - allOut.Count, "council", "councils")} of the file elected other seats then (in a council by thirds, seats up again in {election.PollingDay.Year + 2}); their ballots are left as they are."));
        return allOut;
    }

    private static (BallotBaseline Baseline, int Line, NotComparableCause? Cause) FromWard(PreviousContests file, BallotDefinition ballot, WardMatch match, PreviousCycle cycle, ElectionInfo election, Tally tally, ImportBatch batch, LocalPartyMatch local)
    {
        var ward = match.Ward!;
        var previous = ward.Candidates.Select(c => new PreviousCandidate(c.Name, local.Map(c.Party), c.Votes, c.Elected)).ToImmutableArray();
        var mapped = local.Pairings.Where(p => ward.Candidates.Any(c => c.Party.Id == p.From.Id)).ToList();
        var keys = mapped.Count == 0
            ? string.Empty
            : "; local parties counted as this election keys them: " + string.Join(", ", mapped.Select(p => $"{p.From.Name} as {p.To.Name} ({p.To.Id})"));
        var seats = ballot.SeatsUp;
        var winners = ward.Candidates.Where(c => c.Elected).ToList();
        var place = $"{file.Label}, poll of {Iso(file.PollingDay)}: {ward.Council.Name}, {ward.Name}, {match.How}";
        if (winners.Count < seats)
        {
            return (NotComparable(file, ballot.Id, string.Create(CultureInfo.InvariantCulture,
                $"{ward.Council.Name}, {ward.Name} ({match.How}) filled {Plural.Count(winners.Count, "seat", "seats")} then, but {seats} {Plural.Noun(seats, "is", "are")} up now; the extra {Plural.Noun(seats - winners.Count, "seat fills", "seats fill")} a casual vacancy whose last contest is not in the file{keys}")) with { Previous = previous },
                ward.Line,
                NotComparableCause.MoreSeatsThanWinners);
        }

        var rule = string.Empty;
        var defended = winners;
        if (winners.Count > seats)
        {
            // Stable sorts: among equal votes (or an uncontested ward's unknown votes) the row listed first is taken.
            var ranked = cycle == PreviousCycle.TermBefore
                ? winners.OrderByDescending(c => c.Votes ?? 0).ToList()
                : winners.OrderBy(c => c.Votes ?? 0).ToList();
            defended = ranked.Take(seats).ToList();
            rule = cycle == PreviousCycle.TermBefore
                ? string.Create(CultureInfo.InvariantCulture, $"; {winners.Count} elected then for {Plural.Count(seats, "seat", "seats")} now: the {seats} top-placed defended, having taken the full four-year term (the others filled seats with shorter terms)")
                : string.Create(CultureInfo.InvariantCulture, $"; {winners.Count} elected then, all-out, for {Plural.Count(seats, "seat", "seats")} now: the {seats} lowest-placed defended, whose term was the shortest, ending in {election.PollingDay.Year}");
            tally.MoreWinners[ward.Council.Name] = tally.MoreWinners.GetValueOrDefault(ward.Council.Name) + 1;
            if (ranked[seats - 1].Votes == ranked[seats].Votes)
            {
                var level = ranked[seats].Votes is { } votes ? votes.ToString(CultureInfo.InvariantCulture) + " votes" : "no votes (uncontested)";
                var tied = ranked.Where(c => c.Votes == ranked[seats].Votes).ToList();
                var taken = defended.Count(c => c.Votes == ranked[seats].Votes);
                rule += $"; a tie at the cut ({level}) was settled by file order";
                batch.Note(string.Create(CultureInfo.InvariantCulture,
                    $"{ballot.Id}: the winners {string.Join(", ", tied.Select(c => $"{c.Name} ({c.Party.Name})"))} are tied at {level} across the cut of {Plural.Count(seats, "defended seat", "defended seats")}; the file does not say whose term ends now, so the {Plural.Noun(taken, "one", "ones")} listed first in the file (line {ranked[seats - 1].Line}) {Plural.Noun(taken, "is", "are")} taken."));
            }
        }

        var baseline = new BallotBaseline
        {
            BallotId = ballot.Id,
            Kind = BaselineKind.Actual,
            LastFought = file.PollingDay,
            Defended = PartySeats.Count(defended.Select(c => local.Map(c.Party))).Entries,
            Previous = previous,
            Source = place + rule + keys + ".",
        };
        return (baseline, ward.Line, null);
    }

    /// <summary>
    /// Pairs, council by council, the local parties of the previous candidates in the wards matched to its ballots
    /// with the parties of its candidates now (<see cref="LocalPartyMatching"/>: the same name, a LEAP label that
    /// abbreviates the name, or the one seat-holding party left on each side where the other stands now in a ward it
    /// won then), and notes each pairing and each seat-holding party left under the file's key.
    /// </summary>
    private static Dictionary<string, LocalPartyMatch> LocalParties(PreviousContests file, ElectionState current, List<(BallotDefinition Ballot, WardMatch Match)> covered, ImportBatch batch)
    {
        var result = new Dictionary<string, LocalPartyMatch>(StringComparer.Ordinal);
        var byRule = new SortedDictionary<LocalPartyRule, int>();
        var leftAlone = 0;
        foreach (var council in covered.Where(c => c.Match.Ward is not null).GroupBy(c => c.Ballot.CouncilSlug).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = council.SelectMany(c => c.Match.Ward!.Candidates).ToList();
            var won = rows.Where(r => r.Elected).Select(r => r.Party.Id).ToHashSet(StringComparer.Ordinal);
            var now = current.Councils[council.Key].BallotIds.SelectMany(id => current.Ballots[id].Definition.Candidates).Select(c => c.Party).ToList();

            // The one seat-holding party left is taken for a party of this election only where they meet, and only
            // when one party left stands now in a ward it won then: Loughton's residents in Loughton's wards, but not
            // Rayleigh's winner of Wheatley and a group standing elsewhere in Rochford.
            bool Together(Party then, Party later) => council.Any(c => c.Match.Ward!.Candidates.Any(r => r.Elected && r.Party.Id == then.Id) && c.Ballot.Candidates.Any(n => n.Party.Id == later.Id));
            var match = LocalPartyMatching.Pair(rows.Select(r => r.Party), now, p => won.Contains(p.Id), LocalPartyRules, Together);
            result[council.Key] = match;
            foreach (var pairing in match.Pairings)
            {
                byRule[pairing.Rule] = byRule.GetValueOrDefault(pairing.Rule) + 1;
            }

            if (match.Pairings.Length > 0)
            {
                batch.Note($"{council.Key}: {file.Label}'s local parties counted as this election keys them: {string.Join("; ", match.Pairings.Select(p => p.Describe()))}.");
            }

            if (match.UnpairedHoldingSeats.Length > 0)
            {
                leftAlone += match.UnpairedHoldingSeats.Length;
                var locals = now.Where(LocalPartyMatching.IsLocal).DistinctBy(p => p.Id).Where(p => match.Pairings.All(q => q.To.Id != p.Id) && rows.All(r => r.Party.Id != p.Id)).Select(p => $"{p.Name} ({p.Id})").Order(StringComparer.Ordinal).ToList();
                var why = locals.Count == 0
                    ? "no local party it could be stands now"
                    : $"no rule singles out one of this election's local parties ({string.Join(", ", locals)}) for {(match.UnpairedHoldingSeats.Length == 1 ? "it" : "each")}";
                var one = match.UnpairedHoldingSeats.Length == 1;
                batch.Note($"{council.Key}: {string.Join(", ", match.UnpairedHoldingSeats.Select(p => $"{p.Name} ({p.Id})"))}, which won seats in {file.Label}, {(one ? "keeps its key" : "keep their keys")}: {why}. {(one ? "Its" : "Their")} seats are defended under {(one ? "that key" : "those keys")}, never guessed onto another party.");
            }
        }

        var pairings = byRule.Values.Sum();
        if (pairings == 0 && leftAlone == 0)
        {
            return result;
        }

        batch.Note(string.Create(CultureInfo.InvariantCulture,
            $"Local parties: {Plural.Count(pairings, "pairing", "pairings")} of {file.Label}'s keys with this election's, in {Plural.Count(result.Values.Count(m => m.Pairings.Length > 0), "council", "councils")} ({(pairings == 0 ? "none" : string.Join(", ", byRule.Select(r => $"{RuleText(r.Key)} {r.Value}")))}); {Plural.Count(leftAlone, "local party", "local parties")} that won seats then left under the file's {Plural.Noun(leftAlone, "key", "keys")}. Only parties outside the six every table names are paired, within one council, and only when the evidence singles out one party on each side."));
        return result;
    }

    private static string RuleText(LocalPartyRule rule) => rule switch
    {
        LocalPartyRule.SameName => "by the same name",
        LocalPartyRule.Abbreviation => "by a LEAP label abbreviating the name",
        _ => "as the one seat-holding local party left and the one local party left standing now where it won then",
    };

    private static BallotBaseline NotComparable(PreviousContests file, string ballotId, string reason) => new()
    {
        BallotId = ballotId,
        Kind = BaselineKind.NotComparable,
        Source = $"Not comparable with {file.Label}, poll of {Iso(file.PollingDay)}: {reason}.",
    };

    private static void NoteMethod(PreviousContests file, WardCodeChanges? changes, WardMatching matching, ImportBatch batch)
    {
        var day = Iso(file.PollingDay);
        if (matching.FileHasWardCodes)
        {
            batch.Note(changes is null
                ? $"{file.Label} gives ward codes: ballots with a code are matched by code only, others by council and ward name. No ward-code changes file was given (ImportOptions.WardCodeChangesPath), so a redrawn ward is found only by its code missing from the file."
                : $"{file.Label} gives ward codes: ballots with a code are matched by code only, others by council and ward name; the ward-code changes in {Path.GetFileName(changes.Path)} also mark wards redrawn since {day}.");
            return;
        }

        batch.Note(changes is null
            ? $"{file.Label} has no ward codes and no ward-code changes file was given (ImportOptions.WardCodeChangesPath), so wards are matched by council and ward name alone: a ward redrawn since {day} that kept its name would be taken as comparable."
            : $"{file.Label} has no ward codes, so wards are matched by council and ward name, after the ward-code changes in {Path.GetFileName(changes.Path)} mark the wards redrawn since {day}: a code the file makes new after that day, or a code above {matching.NewestCodeThen ?? "(none: no change came into force by then)"}, the newest it shows in use on that day (ONS issues codes in sequence, and the file lists only some years' changes). A ward only renamed keeps its code and is also looked up by its earlier name.");
    }

    private static void NoteOutcome(PreviousContests file, Tally tally, ImportBatch batch)
    {
        var notComparable = tally.ByCause.Values.Sum();
        var causes = string.Join("; ", tally.ByCause.OrderBy(p => p.Key).Select(p => $"{Count(p.Value)} {CauseText(p.Key)}"));
        batch.Note(string.Create(CultureInfo.InvariantCulture,
            $"{Count(tally.Actual + notComparable)} {Plural.Noun(tally.Actual + notComparable, "ballot", "ballots")} of {Count(tally.Covered.Count)} {Plural.Noun(tally.Covered.Count, "council", "councils")} got a baseline from {file.Label}: {Count(tally.Actual)} actual, {Count(notComparable)} not comparable{(notComparable == 0 ? string.Empty : " (" + causes + ")")}."));
        if (tally.NotCoveredBallots > 0)
        {
            batch.Note($"{Count(tally.NotCoveredBallots)} {Plural.Noun(tally.NotCoveredBallots, "ballot", "ballots")} of {Count(tally.NotCovered.Count)} {Plural.Noun(tally.NotCovered.Count, "council", "councils")} the file does not cover {Plural.Noun(tally.NotCoveredBallots, "was left as it is", "were left as they are")}: {string.Join(", ", tally.NotCovered)}.");
        }

        if (tally.NotAllOutBallots > 0)
        {
            batch.Note($"{Count(tally.NotAllOutBallots)} {Plural.Noun(tally.NotAllOutBallots, "ballot", "ballots")} of {Count(tally.NotAllOut.Count)} {Plural.Noun(tally.NotAllOut.Count, "council", "councils")} whose election then was not all-out {Plural.Noun(tally.NotAllOutBallots, "was left as it is", "were left as they are")}: {string.Join(", ", tally.NotAllOut)}.");
        }

        if (tally.MoreWinners.Count > 0)
        {
            batch.Note($"{Count(tally.MoreWinners.Values.Sum())} {Plural.Noun(tally.MoreWinners.Values.Sum(), "ballot", "ballots")} had more winners then than seats up now; the defended seats follow the rule stated in each baseline's source. By council: {string.Join(", ", tally.MoreWinners.Select(p => $"{p.Key} {Count(p.Value)}"))}.");
        }

        if (tally.OneToOne.Count > 0)
        {
            batch.Note($"{Count(tally.OneToOne.Count)} of the redrawn wards have a one-to-one code change under the same name ({string.Join(", ", tally.OneToOne)}). They are still not comparable: ONS issues a new code only when a boundary changes, and the file gives no areas to show the change is nil.");
        }

        if (tally.NameOnlyInCodedFile > 0)
        {
            batch.Note($"{Count(tally.NameOnlyInCodedFile)} {Plural.Noun(tally.NameOnlyInCodedFile, "ballot has", "ballots have")} no ward code in the log, so {Plural.Noun(tally.NameOnlyInCodedFile, "it was", "they were")} matched by council and ward name, although {file.Label} gives codes.");
        }
    }

    private static string CauseText(NotComparableCause cause) => cause switch
    {
        NotComparableCause.RedrawnByOrder => "redrawn since (a new code in the ward-code changes)",
        NotComparableCause.CodeIssuedSince => "redrawn since (a code issued after that poll)",
        NotComparableCause.NoWardWithCode => "with no ward of their code in the file",
        NotComparableCause.NoWardOfName => "with no ward of their name in the file",
        NotComparableCause.Ambiguous => "matching more than one ward",
        NotComparableCause.MoreSeatsThanWinners => "with more seats up now than were filled then (a casual vacancy)",
        _ => cause.ToString(),
    };

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What the import did, counted for the notes.</summary>
    private sealed class Tally
    {
        public int Actual { get; set; }

        public int NotCoveredBallots { get; set; }

        public int NotAllOutBallots { get; set; }

        public int NameOnlyInCodedFile { get; set; }

        public SortedSet<string> Covered { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> NotCovered { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> NotAllOut { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<NotComparableCause, int> ByCause { get; } = [];

        public SortedDictionary<string, int> MoreWinners { get; } = new(StringComparer.Ordinal);

        public List<string> OneToOne { get; } = [];
    }
}
