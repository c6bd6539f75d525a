using System.Collections.Immutable;
using Tallyroom.Core.Elections;

namespace Tallyroom.Core.Counting;

/// <summary>A council's tally folded from the log: seats declared so far, composition and control. Immutable.</summary>
public sealed record CouncilView
{
    /// <summary>The council.</summary>
    public required CouncilDefinition Definition { get; init; }

    /// <summary>Its ballots, in the order defined.</summary>
    public ImmutableArray<string> BallotIds { get; init; } = [];

    /// <summary>Ballots with a result (declared or uncontested).</summary>
    public int BallotsDeclared { get; init; }

    /// <summary>Ballots whose poll was postponed.</summary>
    public int BallotsPostponed { get; init; }

    /// <summary>Seats up at this election (including postponed polls' seats).</summary>
    public int SeatsUp { get; init; }

    /// <summary>Seats up in ballots that have a result.</summary>
    public int SeatsDeclared { get; init; }

    /// <summary>Seats up in postponed polls.</summary>
    public int SeatsPostponed { get; init; }

    /// <summary>Seats won at this election so far, by party.</summary>
    public PartySeats SeatsWon { get; init; } = PartySeats.Empty;

    /// <summary>Seats not up this year, by party (thirds and halves councils). They still count for control.</summary>
    public PartySeats Continuing { get; init; } = PartySeats.Empty;

    /// <summary>The council's size <c>T</c>: the statutory size when known, else seats up plus continuing seats.</summary>
    public int TotalSeats => Definition.StatutorySize ?? checked(SeatsUp + Continuing.Total);

    /// <summary>The majority threshold <c>M = floor(T/2) + 1</c>.</summary>
    public int Majority => CouncilControl.MajorityThreshold(TotalSeats);

    /// <summary>Seats neither declared nor known to be continuing: those still to come, postponed ones included.</summary>
    public int SeatsUndeclared => Math.Max(0, TotalSeats - SeatsDeclared - Continuing.Total);

    /// <summary>True when every ballot is declared or postponed.</summary>
    public bool Declared => BallotIds.Length > 0 && BallotsDeclared + BallotsPostponed == BallotIds.Length;

    /// <summary>Continuing seats plus seats won so far.</summary>
    public PartySeats Composition => Continuing.Plus(SeatsWon);

    /// <summary>Control as far as it is known now (see <see cref="CouncilControl.Decide"/>).</summary>
    public CouncilControl Control => CouncilControl.Decide(Composition, TotalSeats, SeatsUndeclared, Declared);
}
