using Tallyroom.Core;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using static Tallyroom.Importers.EveOfPoll.SeatLists;

namespace Tallyroom.Importers.EveOfPoll;

/// <summary>The continuing seats of a council electing by thirds or halves, and the words saying how. Immutable.</summary>
/// <param name="Continuing">Seats not up, by party; totals at most the seats not up.</param>
/// <param name="Sentence">How they were worked out, for the council baseline's Source.</param>
/// <param name="Adjustment">What was adjusted beyond "eve of poll − defended", and why; null when nothing was.</param>
internal sealed record Reconciliation(PartySeats Continuing, string Sentence, string? Adjustment);

/// <summary>
/// Works out the seats not up this year by party from the eve-of-poll composition and the seats each party defends.
/// Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// continuing(p) = eve of poll(p) − defended(p), clamped at zero. The total of that raw figure, <c>S</c>, equals the
/// seats not up <c>K = T − seats up</c> exactly when nothing happened since the seats were last fought. In general
/// <c>S = K + X + U₀ − V</c>: <c>X</c> seats defended beyond what a party holds on the eve of poll (a defection or a
/// by-election loss since; or a party the two sources key differently, such as a residents' group LEAP knows only by
/// its label), <c>U₀</c> seats up with no defended party recorded (a missing or not-comparable ballot baseline), and
/// <c>V</c> vacancies.
/// </para>
/// <para>
/// Before subtracting, a local party the two sources key differently is paired when the pairing is forced (see
/// <see cref="PairLocalParties"/>).
/// </para>
/// <para>
/// When <c>S &gt; K</c>, those seats sit somewhere in the eve-of-poll composition but nothing says whose they are, so
/// every party's raw figure is scaled down to <c>K</c> in proportion, by largest remainder (ties: the larger raw
/// figure, then the register id). When no seat up has a defended party at all, that is the eve of poll scaled to
/// <c>K</c>. When <c>S &lt; K</c> (vacancies), the missing seats are left unattributed rather than invented: the core
/// counts them as undeclared, which can delay a call but never make a wrong one.
/// </para>
/// </remarks>
internal static class ContinuingSeats
{
    /// <summary>
    /// Reconciles a council with <paramref name="seatsUp"/> of its <paramref name="size"/> seats up (fewer than all),
    /// given its eve-of-poll composition, its vacancies and its ballots (with whatever baselines the log has).
    /// </summary>
    public static Reconciliation Reconcile(PartySeats eveOfPoll, int size, int vacancies, int seatsUp, IEnumerable<BallotView> ballots)
    {
        ArgumentNullException.ThrowIfNull(eveOfPoll);
        ArgumentNullException.ThrowIfNull(ballots);
        var notUp = size - seatsUp;
        var defended = PartySeats.Empty;
        var unknownSeats = 0;
        var unknownBallots = 0;
        foreach (var ballot in ballots)
        {
            if (ballot.Baseline is { Kind: not BaselineKind.NotComparable, Defended: { IsDefaultOrEmpty: false } seats })
            {
                defended = defended.Plus(PartySeats.Of(seats));
            }
            else
            {
                unknownSeats += ballot.Definition.SeatsUp;
                unknownBallots++;
            }
        }

        if (defended.Total == 0)
        {
            return FromEveOfPollAlone(eveOfPoll, seatsUp, notUp, vacancies);
        }

        var unknown = unknownSeats == 0
            ? string.Empty
            : $" ({Seats(unknownSeats)} more, in {Plural.Count(unknownBallots, "ballot", "ballots")}, with no defended party recorded)";
        var opening = $"{Seats(seatsUp)} up; defended {Of(defended)}{unknown}; ";
        var (counted, paired) = PairLocalParties(eveOfPoll, defended);
        if (paired is not null)
        {
            opening += paired + "; ";
        }

        var raw = PartySeats.Of(eveOfPoll.Entries.Select(e => e with { Seats = Math.Max(0, e.Seats - counted.Get(e.Party.Id)) }));
        var overDefended = counted.Ranked().Where(d => d.Seats > eveOfPoll.Get(d.Party.Id)).ToList();
        if (raw.Total == notUp && overDefended.Count == 0)
        {
            return new Reconciliation(raw, opening + $"continuing = eve of poll − defended: {Of(raw)}.", paired);
        }

        var reasons = new List<string>();
        reasons.AddRange(overDefended.Select(d => $"{Label(d.Party)} defends {Number(d.Seats)} but holds {Number(eveOfPoll.Get(d.Party.Id))}"));
        if (unknownSeats > 0)
        {
            reasons.Add($"{Seats(unknownSeats)} up with no defended party");
        }

        if (vacancies > 0)
        {
            reasons.Add($"{Number(vacancies)} vacant");
        }

        var because = string.Join(", ", reasons);
        var clamped = overDefended.Count > 0 ? ", clamped at zero," : string.Empty;
        if (raw.Total == notUp)
        {
            return new Reconciliation(raw, opening + $"continuing = eve of poll − defended{clamped.TrimEnd(',')}: {Of(raw)}, the {Seats(notUp)} not up ({because}).", Join(paired, because));
        }

        if (raw.Total > notUp)
        {
            var scaled = ScaleDown(raw, notUp);
            return new Reconciliation(scaled,
                opening + $"eve of poll − defended{clamped} gives {Of(raw)} = {Number(raw.Total)}, {Number(raw.Total - notUp)} more than the {Seats(notUp)} not up ({because}); scaled down in proportion (largest remainder), continuing: {Of(scaled)}.",
                Join(paired, $"{Number(raw.Total - notUp)} too many ({because}), scaled down in proportion"));
        }

        return new Reconciliation(raw,
            opening + $"continuing = eve of poll − defended{clamped.TrimEnd(',')}: {Of(raw)} = {Number(raw.Total)}, {Number(notUp - raw.Total)} fewer than the {Seats(notUp)} not up ({because}); those are left unattributed and count as undeclared.",
            Join(paired, $"{Number(notUp - raw.Total)} short ({because}), left unattributed"));
    }

    /// <summary>
    /// Scales <paramref name="seats"/> down to <paramref name="target"/> by largest remainder; no party gains. Ties for
    /// a remaining seat go to the larger count, then the lower register id (ordinal), so the result is reproducible.
    /// </summary>
    internal static PartySeats ScaleDown(PartySeats seats, int target)
    {
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        var total = seats.Total;
        if (target >= total)
        {
            return seats;
        }

        var shares = seats.Entries
            .Select(e => (e.Party, e.Seats, Whole: (int)((long)target * e.Seats / total), Remainder: (long)target * e.Seats % total))
            .ToList();
        var left = target - shares.Sum(s => s.Whole);
        var extra = shares
            .OrderByDescending(s => s.Remainder)
            .ThenByDescending(s => s.Seats)
            .ThenBy(s => s.Party.Id, StringComparer.Ordinal)
            .Take(left)
            .Select(s => s.Party.Id)
            .ToHashSet(StringComparer.Ordinal);
        return PartySeats.Of(shares.Select(s => new PartyCount(s.Party, s.Whole + (extra.Contains(s.Party.Id) ? 1 : 0))));
    }

    /// <summary>
    /// The two sources key a local party differently (the roster by register id, a LEAP baseline by Teale's label), so
    /// its defended seats would match nothing. When exactly one defended party outside the six every table names is
    /// unknown to the roster, and exactly one roster party outside the six defends nothing under its own id, they can
    /// only be each other (or the seats changed hands since): the defended seats are counted against the roster's
    /// party, and the sentence says so. Any other case is left to the surplus rule. The rule is
    /// <see cref="LocalPartyRule.OnlyOneOnEachSide"/> of <see cref="LocalPartyMatching"/>, which the previous-results
    /// importers apply first with stronger rules; names are not compared here, as the roster's names are the party's
    /// registered ones and LEAP's are labels.
    /// </summary>
    private static (PartySeats Defended, string? Pairing) PairLocalParties(PartySeats eveOfPoll, PartySeats defended)
    {
        var match = LocalPartyMatching.Pair(defended.Entries.Select(d => d.Party), eveOfPoll.Entries.Select(e => e.Party), _ => true, [LocalPartyRule.OnlyOneOnEachSide]);
        if (match.Pairings.IsEmpty)
        {
            return (defended, null);
        }

        var (from, to) = (match.Pairings[0].From, match.Pairings[0].To);
        var seats = defended.Get(from.Id);
        return (defended.Add(from, -seats).Add(to, seats),
            $"{Label(from)} taken as {Label(to)}, the one local party on each side without a match by id");
    }

    private static string Join(string? first, string second) => first is null ? second : first + ", then " + second;

    private static Reconciliation FromEveOfPollAlone(PartySeats eveOfPoll, int seatsUp, int notUp, int vacancies)
    {
        var opening = $"{Seats(seatsUp)} up, none with a defended party recorded (no comparable ballot baseline in the log), so ";
        if (eveOfPoll.Total > notUp)
        {
            var scaled = ScaleDown(eveOfPoll, notUp);
            return new Reconciliation(scaled,
                opening + $"continuing is the eve of poll scaled down to the {Seats(notUp)} not up in proportion (largest remainder): {Of(scaled)}.",
                "no defended seats recorded; eve of poll scaled down in proportion");
        }

        // Only vacancies can leave the sitting councillors no more than the seats not up; then all of them continue.
        if (eveOfPoll.Total == notUp)
        {
            return new Reconciliation(eveOfPoll,
                opening + $"continuing is the whole eve of poll, exactly the {Seats(notUp)} not up ({Number(vacancies)} vacant): {Of(eveOfPoll)}.",
                "no defended seats recorded; the sitting councillors are the seats not up");
        }

        return new Reconciliation(eveOfPoll,
            opening + $"continuing is the whole eve of poll, {Of(eveOfPoll)} = {Number(eveOfPoll.Total)}, {Number(notUp - eveOfPoll.Total)} fewer than the {Seats(notUp)} not up ({Number(vacancies)} vacant); those are left unattributed and count as undeclared.",
            "no defended seats recorded; the sitting councillors are fewer than the seats not up");
    }
}
