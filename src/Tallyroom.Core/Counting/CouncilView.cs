using System.Collections.Immutable;
using Tallyroom.Core.Baselines;
using Tallyroom.Core.Elections;

namespace Tallyroom.Core.Counting;

/// <summary>
/// A council's tally folded from the log: seats declared so far, continuing seats, composition, control, seat
/// changes against the defended seats and the outcome against control on the eve of poll. Immutable.
/// </summary>
public sealed record CouncilView
{
    /// <summary>The council.</summary>
    public required CouncilDefinition Definition { get; init; }

    /// <summary>Its ballots, in the order defined.</summary>
    public ImmutableArray<string> BallotIds { get; init; } = [];

    /// <summary>Seats up at this election (including postponed polls' seats).</summary>
    public int SeatsUp { get; init; }

    /// <summary>The eve-of-poll baseline (size, composition, control, continuing seats), when one was recorded.</summary>
    public CouncilBaseline? Baseline { get; init; }

    /// <summary>Seats not up this year, by party (thirds and halves councils). They still count for control.</summary>
    public PartySeats Continuing { get; init; } = PartySeats.Empty;

    internal BallotContribution Tally { get; init; } = BallotContribution.None;

    /// <summary>Ballots with a result (declared or uncontested).</summary>
    public int BallotsDeclared => Tally.BallotsDeclared;

    /// <summary>Ballots whose poll was postponed.</summary>
    public int BallotsPostponed => Tally.BallotsPostponed;

    /// <summary>Seats up in ballots that have a result.</summary>
    public int SeatsDeclared => Tally.SeatsDeclared;

    /// <summary>Seats up in postponed polls.</summary>
    public int SeatsPostponed => Tally.SeatsPostponed;

    /// <summary>Seats won at this election so far, by party.</summary>
    public PartySeats SeatsWon => Tally.Won;

    /// <summary>Seats declared in ballots with no comparable baseline: their changes are "not comparable".</summary>
    public int SeatsNotComparable => Tally.SeatsNotComparable;

    /// <summary>True when the council has an eve-of-poll baseline and every ballot a comparable one.</summary>
    public bool Comparable => Baseline is not null && Tally.BaselinesComparable == BallotIds.Length;

    /// <summary>Seat changes by party: won minus defended, over the declared ballots with a comparable baseline.</summary>
    public IReadOnlyList<SeatChange> SeatChanges => SeatChange.Between(Tally.WonComparable, Tally.Defended);

    /// <summary>The council's size <c>T</c>: the statutory size when known, else seats up plus continuing seats.</summary>
    public int TotalSeats => Baseline?.StatutorySize ?? Definition.StatutorySize ?? checked(SeatsUp + Continuing.Total);

    /// <summary>The majority threshold <c>M = floor(T/2) + 1</c>.</summary>
    public int Majority => CouncilControl.MajorityThreshold(TotalSeats);

    /// <summary>Seats neither declared nor continuing: those still to come, postponed polls' included.</summary>
    public int SeatsUndeclared => Math.Max(0, TotalSeats - SeatsDeclared - Continuing.Total);

    /// <summary>True when every ballot is declared or postponed.</summary>
    public bool Declared => BallotIds.Length > 0 && BallotsDeclared + BallotsPostponed == BallotIds.Length;

    /// <summary>Continuing seats plus seats won so far.</summary>
    public PartySeats Composition => Continuing.Plus(SeatsWon);

    /// <summary>Control as far as it is known now (see <see cref="CouncilControl.Decide"/>).</summary>
    public CouncilControl Control => CouncilControl.Decide(Composition, TotalSeats, SeatsUndeclared, Declared);

    /// <summary>Control on the eve of poll; null without a baseline.</summary>
    public CouncilControl? ControlBefore => Baseline is null
        ? null
        : Baseline.ControlBefore is { } party ? new CouncilControl(ControlKind.Party, party) : CouncilControl.NoOverall;

    /// <summary>Hold, gain, loss to NOC or NOC unchanged, once declared; null before, or without a baseline.</summary>
    public CouncilOutcome? Outcome => Declared && ControlBefore is { } before ? CouncilOutcome.Of(before, Control) : null;

    /// <summary>
    /// True when the continuing seats alone settle control: the controlling party keeps a majority whatever happens,
    /// or (under no overall control) no party could reach one even by winning every seat up.
    /// </summary>
    public bool ControlCannotChange => ControlBefore is { } before && (before.Party is { } holder
        ? Continuing.Get(holder.Id) >= Majority
        : Continuing.Largest().Leader is var leader && (leader?.Seats ?? 0) + SeatsUp < Majority);

    /// <summary>Each party with seats so far: what it has, what it still needs, won control or cannot win.</summary>
    public IReadOnlyList<PartyProspect> Prospects
    {
        get
        {
            var majority = Majority;
            var undeclared = SeatsUndeclared;
            return [.. Composition.Ranked().Select(e => new PartyProspect(e.Party, e.Seats, Math.Max(0, majority - e.Seats), e.Seats >= majority, e.Seats + undeclared < majority))];
        }
    }

    internal CouncilView Replace(BallotContribution before, BallotContribution after) => this with
    {
        Tally = new BallotContribution
        {
            BallotsDeclared = Tally.BallotsDeclared - before.BallotsDeclared + after.BallotsDeclared,
            BallotsPostponed = Tally.BallotsPostponed - before.BallotsPostponed + after.BallotsPostponed,
            SeatsDeclared = Tally.SeatsDeclared - before.SeatsDeclared + after.SeatsDeclared,
            SeatsPostponed = Tally.SeatsPostponed - before.SeatsPostponed + after.SeatsPostponed,
            Won = Tally.Won.Minus(before.Won).Plus(after.Won),
            WonComparable = Tally.WonComparable.Minus(before.WonComparable).Plus(after.WonComparable),
            Defended = Tally.Defended.Minus(before.Defended).Plus(after.Defended),
            SeatsNotComparable = Tally.SeatsNotComparable - before.SeatsNotComparable + after.SeatsNotComparable,
            BaselinesComparable = Tally.BaselinesComparable - before.BaselinesComparable + after.BaselinesComparable,
        },
    };
}
