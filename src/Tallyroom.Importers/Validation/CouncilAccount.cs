using System.Globalization;
using System.Text.RegularExpressions;
using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Parties;
using Tallyroom.Importers.EveOfPoll;
using static Tallyroom.Importers.EveOfPoll.SeatLists;

namespace Tallyroom.Importers.Validation;

/// <summary>What one council is compared with, and the files' names for the explanations' texts. Immutable.</summary>
internal sealed record CouncilEvidence
{
    public required ElectionState Ours { get; init; }

    public required CouncilView Council { get; init; }

    /// <summary>The roster of the year before: the eve of poll.</summary>
    public required IReadOnlyList<RosterCouncillor> Before { get; init; }

    /// <summary>The roster of the polling day's year: the snapshot after the election.</summary>
    public required IReadOnlyList<RosterCouncillor> After { get; init; }

    public required HistoryRow History { get; init; }

    public required LeapCheck Leap { get; init; }

    public required string BeforeFile { get; init; }

    public required string AfterFile { get; init; }

    public required string LeapFile { get; init; }

    /// <summary>A curated explanation for the council, with where it came from; null for none.</summary>
    public string? ByHand { get; init; }
}

/// <summary>
/// Accounts for one council's difference between our composition after the election and the snapshot's, councillor
/// by councillor. Every explanation carries the seats it accounts for (ours minus the snapshot's), and the council is
/// explained only when they add up to the whole difference. The steps, in order:
/// <list type="number">
/// <item>Our winners are found in the roster after by name (exact, then forename and surname, then initial and
/// surname; a match must be the only one both ways). One found under another party is a party identity (the same
/// group keyed differently, or filed as "Independent / Other") or a change of party after the election.</item>
/// <item>A ballot whose winners' parties differ between Democracy Club and LEAP, where the roster has LEAP's winner
/// and not ours: a data error in the Democracy Club file.</item>
/// <item>A postponed poll: the roster has the later poll's winners (LEAP), seats undeclared in ours.</item>
/// <item>A winner still not found: a councillor new to the rosters sitting in the same ward (a by-election or a
/// change of name after the election), else a vacancy when the roster is short of the council's size.</item>
/// <item>Everyone else in the roster after continues. Found in the roster before under another party: a defection.
/// Not found: paired with a councillor of the same ward who left without standing again (a by-election).</item>
/// <item>What remains is our continuing seats against those the rosters show continued: ours are eve of poll minus
/// defended seats (reconciled as the baseline's Source says), and they differ where a seat up changed hands between
/// when it was last fought and the eve of poll. This holds only when the rosters account for one holder per seat up.</item>
/// </list>
/// </summary>
internal sealed partial class CouncilAccount
{
    // How the eve-of-poll importer's Source says it adjusted continuing seats beyond eve of poll − defended.
    private static readonly string[] AdjustmentMarks = ["scaled down", "taken as", "clamped", "left unattributed"];

    private readonly CouncilEvidence evidence;
    private readonly List<Explanation> explanations = [];
    private readonly List<string> loose = [];
    private readonly List<Sitting> after;
    private readonly List<Sitting> before;
    private readonly List<OurWinner> winners;
    private readonly HashSet<OurWinner> placed = [];
    private readonly HashSet<Sitting> used = [];
    private readonly HashSet<Sitting> gone = [];
    private readonly int year;

    private CouncilAccount(CouncilEvidence evidence)
    {
        this.evidence = evidence;
        year = evidence.Ours.Election!.PollingDay.Year;
        after = [.. evidence.After.Select(r => new Sitting(r, CouncillorName.Parse(r.Name), WardKey(r.Ward)))];
        before = [.. evidence.Before.Select(r => new Sitting(r, CouncillorName.Parse(r.Name), WardKey(r.Ward)))];
        winners = [.. evidence.Council.BallotIds.Select(id => evidence.Ours.Ballots[id])
            .Where(b => b.Declaration is not null)
            .SelectMany(b => b.Declaration!.Results.Where(r => r.Elected).Select(r => b.Definition.FindCandidate(r.CandidateId)!)
                .Select(c => new OurWinner(b.Definition, c, CouncillorName.Parse(c.Name), WardKey(b.Definition.WardName))))];
    }

    private CouncilView Council => evidence.Council;

    /// <summary>Compares the council and says what accounts for the difference.</summary>
    public static CouncilValidation Compare(CouncilEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new CouncilAccount(evidence).Run();
    }

    /// <summary>A ward's name as two sources can both write it: "St. Anne's" and "Saint Annes" alike.</summary>
    internal static string WardKey(string ward) =>
        string.Join('-', Slug.ForMatching(ward).Split('-').Select(w => w == "saint" ? "st" : w).Where(w => w != "ward"));

    private CouncilValidation Run()
    {
        var ours = Council.Composition;
        var snapshot = PartySeats.Count(after.Select(s => s.Row.Party));
        var difference = SeatDifference.Between(ours, snapshot);
        if (!difference.IsEmpty)
        {
            MatchWinners();
            DataErrors();
            PostponedPolls();
            WinnersNotFound();
            Continuing();
        }

        var unexplained = explanations.Aggregate(difference, (left, e) => left.Minus(e.Difference));
        if (!unexplained.IsEmpty && evidence.ByHand is { } byHand)
        {
            explanations.Add(new Explanation(ExplanationKind.ExplainedByHand, unexplained, byHand));
            unexplained = SeatDifference.Empty;
        }

        var size = evidence.History.Total;
        var (ourControl, snapshotControl) = (Control(Council.Control.Party), Control(ControlOf(snapshot, size)));
        return new CouncilValidation
        {
            Slug = Council.Definition.Slug,
            Name = Council.Definition.Name,
            TotalSeats = Council.TotalSeats,
            Ours = ours,
            Snapshot = snapshot,
            OurControl = ourControl,
            SnapshotControl = snapshotControl,
            HistoryMajority = evidence.History.Majority,
            ControlAgreesWithHistory = AgreesWithHistory(Council.Control.Party, evidence.History.Majority),
            HistoryCrossCheck = CrossCheck(snapshot, size),
            Result = difference.IsEmpty ? CouncilResult.Equal : unexplained.IsEmpty ? CouncilResult.Explained : CouncilResult.Unexplained,
            Difference = difference,
            Explanations = [.. explanations],
            Unexplained = unexplained,
            Loose = difference.IsEmpty ? [] : [.. loose],
        };
    }

    private void MatchWinners()
    {
        // Across the council by exact name, then by forename and surname; an initial is enough only within the ward.
        foreach (var (agreement, inWard) in new[] { (NameAgreement.Exact, false), (NameAgreement.Forename, false), (NameAgreement.Initial, true) })
        {
            foreach (var winner in winners.Where(w => !placed.Contains(w)).ToList())
            {
                bool Fits(OurWinner w, Sitting s) => (!inWard || s.WardKey == w.WardKey) && w.Name.Agrees(s.Name, agreement);
                var found = Only(after.Where(s => !used.Contains(s) && Fits(winner, s)));
                if (found is null || winners.Count(w => !placed.Contains(w) && Fits(w, found)) != 1)
                {
                    continue;
                }

                Place(winner, found);
                if (winner.Party.Id != found.Row.Party.Id)
                {
                    var identity = SameGroup(winner.Party, found.Row);
                    explanations.Add(new Explanation(
                        identity ? ExplanationKind.PartyIdentity : ExplanationKind.ChangedPartyAfterTheElection,
                        SeatDifference.Moved(winner.Party, found.Row.Party),
                        $"{winner.Candidate.Name}, elected for {Label(winner.Party)} in {winner.Ballot.WardName}, is listed for {PartyName(found.Row)} in the {year} roster ({Where(found, evidence.AfterFile)})"
                        + (identity ? ": the same councillor and group, keyed differently by the two sources." : ": a change of party after the election, or the roster's error.")));
                }
            }
        }
    }

    private void DataErrors()
    {
        foreach (var ballot in Council.BallotIds.Select(id => evidence.Ours.Ballots[id]).Where(b => b.Declaration is not null))
        {
            var ours = winners.Where(w => w.Ballot.Id == ballot.Definition.Id).ToList();
            if (!evidence.Leap.DisagreesWith(ballot.Definition, ours.Select(w => w.Party)))
            {
                continue;
            }

            var theirs = evidence.Leap.Of(ballot.Definition.Id)!;
            var onlyTheirs = theirs.Where(c => c.Elected && ours.All(w => !w.Name.Agrees(CouncillorName.Parse(c.Name), NameAgreement.Forename))).ToList();
            var onlyOurs = ours.Where(w => !placed.Contains(w) && theirs.Where(c => c.Elected).All(c => !w.Name.Agrees(CouncillorName.Parse(c.Name), NameAgreement.Forename))).ToList();
            foreach (var (theirWinner, ourWinner) in onlyTheirs.Zip(onlyOurs))
            {
                var name = CouncillorName.Parse(theirWinner.Name);
                var found = Only(after.Where(s => !used.Contains(s) && name.Agrees(s.Name, NameAgreement.Forename)));
                if (found is null)
                {
                    continue;
                }

                Place(ourWinner, found);
                explanations.Add(new Explanation(
                    ExplanationKind.DataErrorInDemocracyClub,
                    SeatDifference.Moved(ourWinner.Party, found.Row.Party),
                    $"{ballot.Definition.Id}: Democracy Club elects {ourWinner.Candidate.Name} ({Label(ourWinner.Party)}), LEAP {evidence.LeapFile} elects {theirWinner.Name} ({Label(theirWinner.Party)}), and the {year} roster lists {found.Row.Name} ({Where(found, evidence.AfterFile)}){Swapped(ballot, ourWinner, theirWinner, theirs)}: a data error in the Democracy Club file."));
            }
        }
    }

    // The swap shows in the figures: Democracy Club gives our winner the votes LEAP gives theirs, and the reverse.
    private static string Swapped(BallotView ballot, OurWinner ourWinner, LeapCandidate theirWinner, IReadOnlyList<LeapCandidate> theirs)
    {
        var theirName = CouncillorName.Parse(theirWinner.Name);
        var ourLoser = ballot.Definition.Candidates.FirstOrDefault(c => CouncillorName.Parse(c.Name).Agrees(theirName, NameAgreement.Forename));
        var theirLoser = theirs.FirstOrDefault(c => ourWinner.Name.Agrees(CouncillorName.Parse(c.Name), NameAgreement.Forename));
        int? Votes(Candidate? c) => c is null ? null : ballot.Declaration!.Results.First(r => r.CandidateId == c.Id).Votes;
        var (ourWinnerVotes, ourLoserVotes) = (Votes(ourWinner.Candidate), Votes(ourLoser));
        return ourWinnerVotes is { } a && ourLoserVotes is { } b && theirWinner.Votes == a && theirLoser?.Votes == b
            ? string.Create(CultureInfo.InvariantCulture, $"; the two files give the same figures, {a:N0} and {b:N0}, to the two candidates the other way round")
            : string.Empty;
    }

    private void PostponedPolls()
    {
        foreach (var ballot in Council.BallotIds.Select(id => evidence.Ours.Ballots[id]).Where(b => b.Status == BallotStatus.Postponed))
        {
            var later = evidence.Leap.Of(ballot.Definition.Id)?.Where(c => c.Elected).ToList() ?? [];
            var found = new List<Sitting>();
            foreach (var winner in later)
            {
                var name = CouncillorName.Parse(winner.Name);
                var sitting = Only(after.Where(s => !used.Contains(s) && name.Agrees(s.Name, NameAgreement.Forename)))
                    ?? Only(after.Where(s => !used.Contains(s) && name.Agrees(s.Name, NameAgreement.Initial)));
                if (sitting is null)
                {
                    loose.Add($"{ballot.Definition.Id}: the later poll's winner {winner.Name} ({winner.Party.Name}, LEAP {evidence.LeapFile}) is not found in the {year} roster.");
                    continue;
                }

                used.Add(sitting);
                found.Add(sitting);
            }

            if (found.Count > 0)
            {
                explanations.Add(new Explanation(
                    ExplanationKind.PostponedPoll,
                    found.Aggregate(SeatDifference.Empty, (d, s) => d.Add(s.Row.Party, -1)),
                    $"{ballot.Definition.Id}: poll postponed, its {Seats(ballot.Definition.SeatsUp)} undeclared in ours; LEAP {evidence.LeapFile} lists the later poll's winners, whom the {year} roster has: {string.Join(", ", found.Select(s => $"{s.Row.Name} ({Label(s.Row.Party)}, {Where(s, evidence.AfterFile)})"))}."));
            }
        }
    }

    private void WinnersNotFound()
    {
        var vacant = Math.Max(0, evidence.History.Total - after.Count);
        foreach (var winner in winners.Where(w => !placed.Contains(w)).ToList())
        {
            var inWard = after.Where(s => !used.Contains(s) && s.WardKey == winner.WardKey).ToList();
            var alike = Only(inWard.Where(s => winner.Name.AlikeButForOneLetter(s.Name)));
            var newcomers = inWard.Where(s => !InBefore(s)).ToList();
            var replacement = alike ?? (newcomers.Count > 0 && newcomers.All(s => s.Row.Party.Id == newcomers[0].Row.Party.Id) ? newcomers[0] : null);
            if (replacement is not null)
            {
                Place(winner, replacement);
                if (winner.Party.Id != replacement.Row.Party.Id)
                {
                    explanations.Add(Replaced(winner, replacement, alike is not null));
                }

                continue;
            }

            if (vacant > 0)
            {
                vacant--;
                placed.Add(winner);
                explanations.Add(new Explanation(
                    ExplanationKind.ByElectionOrVacancy,
                    SeatDifference.Empty.Add(winner.Party, 1),
                    $"{winner.Candidate.Name} ({Label(winner.Party)}, {winner.Ballot.WardName}) is not in the {year} roster, which lists {after.Count} councillors for {Seats(evidence.History.Total)}: the seat was vacant when the snapshot was taken."));
                continue;
            }

            loose.Add($"{winner.Candidate.Name} ({Label(winner.Party)}), elected in {winner.Ballot.WardName} ({winner.Ballot.Id}), is not found in the {year} roster.");
        }
    }

    // A winner found in the ward under another name: spelt a letter differently, or new to the rosters. With the same
    // forename it may be the same councillor (a misspelling or a new surname) as well as a successor.
    private Explanation Replaced(OurWinner winner, Sitting found, bool alike)
    {
        var facts = $"{winner.Candidate.Name} ({Label(winner.Party)}) was elected in {winner.Ballot.WardName}; the {year} roster has {found.Row.Name} ({PartyName(found.Row)}, {Where(found, evidence.AfterFile)}) there";
        if (alike || winner.Name.SameForename(found.Name))
        {
            var identity = SameGroup(winner.Party, found.Row);
            return new Explanation(
                identity ? ExplanationKind.PartyIdentity : ExplanationKind.ByElectionOrVacancy,
                SeatDifference.Moved(winner.Party, found.Row.Party),
                facts + (alike ? ", a name one letter apart" : $", with the same forename and not in the {year - 1} roster")
                + (identity ? ": the same councillor, it appears, and the same group keyed differently by the two sources." : ": the same councillor under another name and party, or a by-election after the election."));
        }

        return new Explanation(
            ExplanationKind.ByElectionOrVacancy,
            SeatDifference.Moved(winner.Party, found.Row.Party),
            facts + $" instead, who is not in the {year - 1} roster: a by-election after the election.");
    }

    private void Continuing()
    {
        var continuing = PartySeats.Empty;
        var newcomers = new List<Sitting>();
        foreach (var sitting in after.Where(s => !used.Contains(s)).ToList())
        {
            // Within the ward a forename's initial is enough ("R. Harper"); across wards (renamed between the rosters)
            // the forename itself is needed, and a full name: a roster of surnames alone (Basildon's) repeats them.
            var earlier = Only(before.Where(b => !gone.Contains(b) && b.WardKey == sitting.WardKey && b.Name.Agrees(sitting.Name, NameAgreement.Forename)))
                ?? Only(before.Where(b => !gone.Contains(b) && b.WardKey == sitting.WardKey && b.Name.Agrees(sitting.Name, NameAgreement.Initial)))
                ?? Only(before.Where(b => !gone.Contains(b) && FullNames(b, sitting) && b.Name.Agrees(sitting.Name, NameAgreement.Forename)));
            if (earlier is null)
            {
                newcomers.Add(sitting);
                continue;
            }

            used.Add(sitting);
            gone.Add(earlier);
            continuing = continuing.Add(earlier.Row.Party, 1);
            if (earlier.Row.Party.Id != sitting.Row.Party.Id)
            {
                var identity = Slug.ForMatching(earlier.Row.PartyName) == Slug.ForMatching(sitting.Row.PartyName);
                explanations.Add(new Explanation(
                    identity ? ExplanationKind.PartyIdentity : ExplanationKind.Defection,
                    SeatDifference.Moved(earlier.Row.Party, sitting.Row.Party),
                    $"{sitting.Row.Name} ({sitting.Row.Ward}), whose seat was not up, is listed for {PartyName(earlier.Row)} in the {year - 1} roster ({Where(earlier, evidence.BeforeFile)}) and for {PartyName(sitting.Row)} in the {year} roster ({Where(sitting, evidence.AfterFile)})"
                    + (identity ? ": one group under two register ids." : ": a defection (ours counts continuing seats from the roster before).")));
            }
        }

        var unpaired = 0;
        foreach (var newcomer in newcomers)
        {
            if (Leaver(newcomer) is not var (leaver, why))
            {
                unpaired++;
                loose.Add($"{newcomer.Row.Name} ({PartyName(newcomer.Row)}, {newcomer.Row.Ward}, {Where(newcomer, evidence.AfterFile)}) is in the {year} roster but was neither elected on the night nor in the {year - 1} roster, and no one councillor of the ward left without standing again.");
                continue;
            }

            used.Add(newcomer);
            gone.Add(leaver);
            continuing = continuing.Add(leaver.Row.Party, 1);
            if (leaver.Row.Party.Id != newcomer.Row.Party.Id)
            {
                explanations.Add(new Explanation(
                    ExplanationKind.ByElectionOrVacancy,
                    SeatDifference.Moved(leaver.Row.Party, newcomer.Row.Party),
                    $"{leaver.Row.Name} ({PartyName(leaver.Row)}, {leaver.Row.Ward}) is in the {year - 1} roster ({Where(leaver, evidence.BeforeFile)}) but not the {year} one, and did not stand in {year}; {newcomer.Row.Name} ({PartyName(newcomer.Row)}), in neither the {year - 1} roster nor our winners, holds a seat of the ward in the {year} roster ({Where(newcomer, evidence.AfterFile)}) ({why}): a by-election between the snapshots{(leaver.Name.SameForename(newcomer.Name) ? ", or the same councillor under a new surname" : string.Empty)}."));
            }
        }

        var ours = Council.Continuing;
        var residual = SeatDifference.Between(ours, continuing);
        if (residual.IsEmpty)
        {
            return;
        }

        var holders = PartySeats.Count(before.Where(b => !gone.Contains(b)).Select(b => b.Row.Party));
        var eveSize = Council.Baseline?.EveOfPollSize ?? Council.Baseline?.StatutorySize ?? Council.TotalSeats;
        var vacantBefore = Math.Max(0, eveSize - before.Count);
        if (unpaired > 0 || holders.Total + vacantBefore != Council.SeatsUp)
        {
            loose.Add($"Continuing seats: ours are {Of(ours)}, the rosters show {Of(continuing)}; but the rosters account for {Seats(holders.Total + vacantBefore)} up ({Of(holders)}{(vacantBefore > 0 ? $", {Number(vacantBefore)} vacant" : string.Empty)}) where {Seats(Council.SeatsUp)} were up, so the difference cannot be put down to the continuing seats.");
            return;
        }

        var (defended, unknown) = Defended();
        var source = Council.Baseline?.Source ?? string.Empty;
        var adjusted = AdjustmentMarks.Any(m => source.Contains(m, StringComparison.Ordinal));
        var sentence = ContinuingSentence().Match(source) is { Success: true } found ? found.Value : source;
        explanations.Add(new Explanation(
            ExplanationKind.ContinuingSeatsReconciliation,
            residual,
            $"Continuing seats: ours are {Of(ours)}, from eve of poll minus defended seats (\"{sentence.TrimEnd('.')}\"); the rosters show {Of(continuing)} continued (in both rosters without being elected on the night). The {Seats(Council.SeatsUp)} up were held on the eve of poll by {Of(holders)}, but defended, as won when last fought, by {Of(defended)}{(unknown > 0 ? $" and {Number(unknown)} with no comparable result" : string.Empty)}"
            + ": where the two differ (a seat that changed hands between its last contest and the eve of poll, by a by-election or a defection, or a holder the roster files under another key, such as \"Independent / Other\"), eve of poll minus defended leaves the seat among our continuing seats under the holder's party in the roster"
            + (adjusted ? "; and where the defended seats did not fit the eve of poll, the baseline reconciled them as its Source says." : ".")));
    }

    /// <summary>
    /// A councillor of the newcomer's ward in the roster before who is in neither the roster after nor among this
    /// election's candidates: they left mid-term. When such leavers are of different parties, those elected in the
    /// ward when its seats up now were last fought are set aside (their seats were up, not vacated), and then those
    /// whose term, as the rosters give it, ends otherwise than the newcomer's.
    /// </summary>
    private (Sitting Leaver, string Why)? Leaver(Sitting newcomer)
    {
        var candidates = Council.BallotIds.Select(id => evidence.Ours.Ballots[id].Definition)
            .SelectMany(b => b.Candidates.Select(c => (Name: CouncillorName.Parse(c.Name), WardKey: WardKey(b.WardName))))
            .ToList();
        bool StoodAgain(Sitting b) => candidates.Any(c => (c.WardKey == b.WardKey || (c.Name.Words.Length > 1 && b.Name.Words.Length > 1)) && c.Name.Agrees(b.Name, NameAgreement.Initial));
        var leavers = before.Where(b => !gone.Contains(b) && b.WardKey == newcomer.WardKey && !StoodAgain(b)).OrderBy(b => b.Row.Line).ToList();
        if (leavers.Count > 0 && leavers.All(l => l.Row.Party.Id == leavers[0].Row.Party.Id))
        {
            return (leavers[0], leavers.Count == 1 ? "the one councillor of the ward who left without standing again" : $"one of {Number(leavers.Count)} councillors of one party who left the ward without standing again");
        }

        var lastFought = Council.BallotIds.Select(id => evidence.Ours.Ballots[id])
            .Where(b => WardKey(b.Definition.WardName) == newcomer.WardKey)
            .SelectMany(b => b.Baseline?.Previous ?? [])
            .Where(p => p.Elected)
            .Select(p => CouncillorName.Parse(p.Name))
            .ToList();
        var midTerm = leavers.Where(l => lastFought.All(p => !p.Agrees(l.Name, NameAgreement.Initial))).ToList();
        const string Others = "the other leavers of the ward were elected when its seats up now were last fought";
        if (midTerm.Count > 0 && midTerm.All(l => l.Row.Party.Id == midTerm[0].Row.Party.Id))
        {
            return (midTerm[0], Others);
        }

        // Last, the end of term the two rosters give: a by-election fills the rest of the leaver's term. The field is
        // unreliable in old snapshots, so it only ever chooses among leavers, never makes one.
        var sameTerm = midTerm.Where(l => l.Row.NextElection.Length > 0 && l.Row.NextElection == newcomer.Row.NextElection).ToList();
        return sameTerm.Count > 0 && sameTerm.All(l => l.Row.Party.Id == sameTerm[0].Row.Party.Id)
            ? (sameTerm[0], $"{(midTerm.Count < leavers.Count ? Others + ", and of the rest" : "of the leavers")} only {(sameTerm.Count == 1 ? "this one's" : "these")} term ends when the newcomer's does ({newcomer.Row.NextElection}, the Next Election both rosters give)")
            : null;
    }

    private (PartySeats Defended, int Unknown) Defended()
    {
        var defended = PartySeats.Empty;
        var unknown = 0;
        foreach (var ballot in Council.BallotIds.Select(id => evidence.Ours.Ballots[id]))
        {
            if (ballot.Baseline is { Kind: not Core.Baselines.BaselineKind.NotComparable, Defended.IsDefaultOrEmpty: false } baseline)
            {
                defended = defended.Plus(PartySeats.Of(baseline.Defended));
            }
            else
            {
                unknown += ballot.Definition.SeatsUp;
            }
        }

        return (defended, unknown);
    }

    // The eve-of-poll baseline's sentence about continuing seats: "22 seats up; defended …; continuing = …".
    [GeneratedRegex(@"\d+ seats? up[;,].*$")]
    private static partial Regex ContinuingSentence();

    private bool InBefore(Sitting sitting) => before.Any(b => (b.WardKey == sitting.WardKey || FullNames(b, sitting)) && b.Name.Agrees(sitting.Name, NameAgreement.Forename));

    private static bool FullNames(Sitting one, Sitting other) => one.Name.Words.Length > 1 && other.Name.Words.Length > 1;

    private void Place(OurWinner winner, Sitting sitting)
    {
        placed.Add(winner);
        used.Add(sitting);
    }

    // Open Council Data sometimes lists one councillor twice (North Tyneside's Kate Osborne, Hull's David McCobb):
    // rows with the same name in the same ward count as one for matching.
    private static Sitting? Only(IEnumerable<Sitting> found)
    {
        var list = found.ToList();
        return list.Count > 0 && list.All(s => s.Name.Words.SequenceEqual(list[0].Name.Words) && s.WardKey == list[0].WardKey) ? list[0] : null;
    }

    private static bool SameGroup(Party ours, RosterCouncillor theirs)
    {
        // "Independent / Other" files local groups and independents alike under no id.
        var unregistered = theirs.PartyName == CouncillorRoster.UnregisteredLabel;
        return (unregistered && LocalPartyMatching.IsLocal(ours))
            || (LocalPartyMatching.IsLocal(ours) && LocalPartyMatching.IsLocal(theirs.Party) && Slug.ForMatching(ours.Name) == Slug.ForMatching(theirs.PartyName));
    }

    private static string PartyName(RosterCouncillor row) => row.Party.Id == PartyCatalog.Independent.Id ? $"'{row.PartyName}'" : Label(row.Party);

    private static string Where(Sitting sitting, string file) => $"{file}:{sitting.Row.Line.ToString(CultureInfo.InvariantCulture)}";

    private static Party? ControlOf(PartySeats seats, int size)
    {
        var (leader, tied) = seats.Largest();
        return leader is not null && !tied && leader.Seats >= CouncilControl.MajorityThreshold(size) ? leader.Party : null;
    }

    private static string Control(Party? party) => party is null ? "NOC" : Label(party);

    /// <summary>
    /// Whether our control agrees with the history's <c>majority</c> label: "X plurality" and "NOC" mean no overall
    /// control, a party's short name that party, and "Other" a party outside the history's columns.
    /// </summary>
    private static bool AgreesWithHistory(Party? control, string label)
    {
        if (label.EndsWith("plurality", StringComparison.OrdinalIgnoreCase) || label.Equals("NOC", StringComparison.OrdinalIgnoreCase))
        {
            return control is null;
        }

        return label.ToUpperInvariant() switch
        {
            "CON" => control?.Id == PartyCatalog.Conservative.Id,
            "LAB" => control?.Id == PartyCatalog.Labour.Id,
            "LD" => control?.Id == PartyCatalog.LiberalDemocrats.Id,
            "GREEN" or "GRN" => control?.Id == PartyCatalog.Green.Id,
            "UKIP" => control?.Id == PartyCatalog.Ukip.Id,
            "OTHER" => control is not null && LocalPartyMatching.IsLocal(control),
            _ => false,
        };
    }

    private string CrossCheck(PartySeats roster, int size)
    {
        var row = evidence.History;
        var five = new[] { PartyCatalog.Conservative, PartyCatalog.Labour, PartyCatalog.LiberalDemocrats, PartyCatalog.Green, PartyCatalog.Ukip };
        (string Column, int Roster, int History)[] columns =
        [
            ("Con", roster.Get(PartyCatalog.Conservative.Id), row.Con),
            ("Lab", roster.Get(PartyCatalog.Labour.Id), row.Lab),
            ("LD", roster.Get(PartyCatalog.LiberalDemocrats.Id), row.LiberalDemocrats),
            ("Grn", roster.Get(PartyCatalog.Green.Id), row.Green),
            ("UKIP", roster.Get(PartyCatalog.Ukip.Id), row.Ukip),
            ("other", roster.Total - five.Sum(p => roster.Get(p.Id)), row.Other),
            ("vacant", size - roster.Total, row.Vacant),
        ];
        var differing = columns.Where(c => c.Roster != c.History).ToList();
        return differing.Count == 0
            ? string.Empty
            : $"the roster has {string.Join(", ", differing.Select(c => $"{c.Column} {Number(c.Roster)}"))}; the history row (line {Number(row.Line)}) {string.Join(", ", differing.Select(c => $"{c.Column} {Number(c.History)}"))}";
    }

    /// <summary>One of our winners. Compared by reference: two winners may share a name.</summary>
    private sealed class OurWinner(BallotDefinition ballot, Candidate candidate, CouncillorName name, string wardKey)
    {
        public BallotDefinition Ballot => ballot;

        public Candidate Candidate => candidate;

        public Party Party => candidate.Party;

        public CouncillorName Name => name;

        public string WardKey => wardKey;
    }

    /// <summary>One roster row, its name parsed. Compared by reference: a roster may list one councillor twice.</summary>
    private sealed class Sitting(RosterCouncillor row, CouncillorName name, string wardKey)
    {
        public RosterCouncillor Row => row;

        public CouncillorName Name => name;

        public string WardKey => wardKey;
    }
}
