using System.Collections.Immutable;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>Which result each seat up is judged on when working out the swing needed.</summary>
public enum TargetBasis
{
    /// <summary>
    /// Every seat from the shares when it was last fought, declared or not: the convention before and during the
    /// night, so that a target list does not move as results come in. The default.
    /// </summary>
    PreviousContest,

    /// <summary>Declared seats as declared (won or not, whatever the swing); seats still to come from last time's shares.</summary>
    DeclaredResults,
}

/// <summary>Where a party stands against the majority threshold under a uniform swing to it.</summary>
public enum ControlPath
{
    /// <summary>It reaches the majority with no swing: continuing seats and the seats it holds on last time's shares suffice.</summary>
    HasMajority,

    /// <summary>It reaches the majority at <see cref="ControlTarget.SwingNeeded"/>.</summary>
    NeedsSwing,

    /// <summary>It cannot reach the majority even winning every seat up where it has a candidate: "impossible this year".</summary>
    ImpossibleThisYear,

    /// <summary>
    /// It could reach the majority only with seats in wards that have no comparable result last time (or no votes),
    /// where no swing can be worked out: no figure is given.
    /// </summary>
    BeyondComparableWards,
}

/// <summary>Where the controlling party stands under a uniform swing against it.</summary>
public enum DefencePath
{
    /// <summary>Its continuing (and otherwise settled) seats alone keep the majority: it cannot lose control this year.</summary>
    CannotLose,

    /// <summary>It keeps the majority until the swing reaches <see cref="ControlDefence.SwingToLose"/>.</summary>
    LosesAtSwing,

    /// <summary>Even with no swing it falls short of the majority on last time's shares (the swing to lose is 0).</summary>
    AlreadyShort,

    /// <summary>It falls short on the comparable wards alone; whether it holds on depends on wards with no comparable result.</summary>
    BeyondComparableWards,
}

/// <summary>How a swing-needed calculation is made. Immutable.</summary>
public sealed record TargetOptions
{
    /// <summary>The options when none are given: top-vote shares, swing from the seat holders, last time's shares.</summary>
    public static TargetOptions Default { get; } = new();

    /// <summary>The share method for last time's shares; top vote by default.</summary>
    public ShareMethod Method { get; init; } = ShareMethod.TopVote;

    /// <summary>
    /// The one opponent the swing comes from (its candidates lose what the party's gain; every other party stays
    /// put); null for the default: in each ward, the parties whose seats the party would take, that is those holding
    /// the ward's seats on last time's shares.
    /// </summary>
    public Party? From { get; init; }

    /// <summary>Which result each seat is judged on; <see cref="TargetBasis.PreviousContest"/> by default.</summary>
    public TargetBasis Basis { get; init; } = TargetBasis.PreviousContest;
}

/// <summary>One seat a party would take at a uniform swing, as a line of its target list. Immutable.</summary>
public sealed record TargetSeat
{
    /// <summary>The ballot.</summary>
    public required string BallotId { get; init; }

    /// <summary>The ward's name.</summary>
    public required string WardName { get; init; }

    /// <summary>Which of the party's seats in the ward this is: 1 for its first (it holds none there), 2 for its second….</summary>
    public required int Seat { get; init; }

    /// <summary>The uniform swing, in points, at which the party draws level for the seat (and so takes it); above 0.</summary>
    public required double Swing { get; init; }

    /// <summary>
    /// The party holding the seat on last time's shares: a party's gains in a ward take the other parties' winners'
    /// seats there, weakest winner first.
    /// </summary>
    public required Party Holder { get; init; }

    /// <summary>True when the ballot has been declared (the seat is still judged on last time's shares under <see cref="TargetBasis.PreviousContest"/>).</summary>
    public required bool Declared { get; init; }
}

/// <summary>
/// The swing a party needs for control of a council (DOMAIN.md, "Swing needed for control"): the smallest uniform
/// swing to it at which its continuing seats plus the seats it would win reach the majority <c>M</c>, and the target
/// list of seats ordered by the swing needed to take each. Immutable.
/// </summary>
/// <remarks>
/// For each seat up, the swing at which the party takes it: every candidate's share is last time's votes over the
/// method's total; the party's candidates gain the swing, the opponents' lose it (the named
/// <see cref="TargetOptions.From"/>, or by default the parties that won the ward's seats last time, whose seats it
/// would take), others stay put, and the top <c>S</c> are recounted. In a single-member ward that is
/// <c>(share_H − share_A)/2</c> against the holder, and <c>share_T − share_A</c> against a third party that stays put.
/// Drawing level counts as taking the seat. The party's candidates are as many as it stands now (at most <c>S</c>);
/// where it did not stand last time they start from 0. Wards with no comparable result are assumed to give it no
/// seat, so the swing needed is what the comparable wards alone require; they are left out of the target list and
/// counted. By default every seat is judged on last time's shares, declared or not (<see cref="TargetBasis"/>).
/// </remarks>
public sealed record ControlTarget
{
    /// <summary>The council.</summary>
    public required string CouncilSlug { get; init; }

    /// <summary>The party the swing is to (A).</summary>
    public required Party Party { get; init; }

    /// <summary>The named opponent the swing is from; null for the default (each ward's seat holders).</summary>
    public required Party? From { get; init; }

    /// <summary>The share method.</summary>
    public required ShareMethod Method { get; init; }

    /// <summary>Which result each seat is judged on.</summary>
    public required TargetBasis Basis { get; init; }

    /// <summary>The council's size <c>T</c>.</summary>
    public required int TotalSeats { get; init; }

    /// <summary>The majority threshold <c>M</c>.</summary>
    public required int Majority { get; init; }

    /// <summary>The party's continuing seats (not up this year).</summary>
    public required int Continuing { get; init; }

    /// <summary>Seats up at this election.</summary>
    public required int SeatsUp { get; init; }

    /// <summary>Seats the party must win at this election for a majority: <c>max(0, M − continuing)</c>.</summary>
    public int SeatsNeeded => Math.Max(0, Majority - Continuing);

    /// <summary>Seats up the party wins with no swing (on the basis chosen).</summary>
    public required int SeatsHeld { get; init; }

    /// <summary>Seats it must gain beyond those: <c>max(0, M − continuing − held)</c>.</summary>
    public int GainsNeeded => Math.Max(0, Majority - Continuing - SeatsHeld);

    /// <summary>The most seats up it could win: in each ward, its candidates standing, at most the seats up.</summary>
    public required int SeatsContested { get; init; }

    /// <summary>Where it stands against the majority.</summary>
    public required ControlPath Path { get; init; }

    /// <summary>
    /// The smallest uniform swing to the party, in points, at which it reaches the majority: 0 when it already does,
    /// null when that is impossible this year or beyond the comparable wards.
    /// </summary>
    public required double? SwingNeeded { get; init; }

    /// <summary>The seats it does not hold, ordered by the swing needed to take each (then ward name, then seat).</summary>
    public required ImmutableArray<TargetSeat> Targets { get; init; }

    /// <summary>Ballots still to be judged that have no comparable result last time: left out of the target list.</summary>
    public required int BallotsNotComparable { get; init; }

    /// <summary>The seats up in those ballots.</summary>
    public required int SeatsNotComparable { get; init; }

    /// <summary>
    /// Seats in wards with a comparable baseline but no votes (uncontested then, or only defended seats supplied): taken
    /// as held by their defenders whatever the swing, and left out of the target list.
    /// </summary>
    public required int SeatsWithoutVotes { get; init; }
}

/// <summary>
/// The swing against a council's controlling party at which it loses its majority: its candidates lose the swing,
/// and every other party's gain it (or only <see cref="TargetOptions.From"/>'s, when named), so each of its seats
/// falls to its nearest challenger at half the gap. Drawing level counts as losing the seat. Immutable.
/// </summary>
public sealed record ControlDefence
{
    /// <summary>The council.</summary>
    public required string CouncilSlug { get; init; }

    /// <summary>The controlling party.</summary>
    public required Party Party { get; init; }

    /// <summary>The share method.</summary>
    public required ShareMethod Method { get; init; }

    /// <summary>Which result each seat is judged on.</summary>
    public required TargetBasis Basis { get; init; }

    /// <summary>The majority threshold <c>M</c>.</summary>
    public required int Majority { get; init; }

    /// <summary>The party's continuing seats.</summary>
    public required int Continuing { get; init; }

    /// <summary>Seats up it wins with no swing.</summary>
    public required int SeatsHeld { get; init; }

    /// <summary>Where it stands.</summary>
    public required DefencePath Path { get; init; }

    /// <summary>
    /// The smallest uniform swing against it, in points, at which it falls below the majority; 0 when already short,
    /// null when it cannot lose or it depends on wards with no comparable result.
    /// </summary>
    public required double? SwingToLose { get; init; }

    /// <summary>Seats up in ballots with no comparable result: assumed lost to it, so the swing is a lower bound when there are any.</summary>
    public required int SeatsNotComparable { get; init; }
}
