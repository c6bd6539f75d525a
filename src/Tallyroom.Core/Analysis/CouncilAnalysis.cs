using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>What a council's analysis is made with. Immutable.</summary>
public sealed record AnalysisOptions
{
    /// <summary>The options when none are given.</summary>
    public static AnalysisOptions Default { get; } = new();

    /// <summary>The share method for every share, swing and target; top vote by default.</summary>
    public ShareMethod Method { get; init; } = ShareMethod.TopVote;

    /// <summary>Which result seats are judged on for the swing needed; last time's shares by default.</summary>
    public TargetBasis Basis { get; init; } = TargetBasis.PreviousContest;

    /// <summary>The party whose target list to give; null for the main challenger.</summary>
    public Party? Party { get; init; }

    /// <summary>
    /// The opponent <see cref="Party"/>'s swing comes from; null for the default (each ward's seat holders). Used only
    /// with <see cref="Party"/>.
    /// </summary>
    public Party? From { get; init; }
}

/// <summary>
/// A council's analysis at one revision: vote shares with their change, the swing between the top two parties, the
/// swing each party needs for control and the controlling party's swing to lose it, one target list, and turnout.
/// Every figure names its method. Immutable.
/// </summary>
public sealed record CouncilAnalysis
{
    private const int MemoSlots = 6; // three methods by two bases

    private static readonly ConditionalWeakTable<CouncilView, Memo?[]> Memos = [];

    /// <summary>The council.</summary>
    public required string CouncilSlug { get; init; }

    /// <summary>The options it was made with.</summary>
    public required AnalysisOptions Options { get; init; }

    /// <summary>The council's aggregate shares over its declared wards, with changes over the comparable ones.</summary>
    public required AggregateShares Shares { get; init; }

    /// <summary>
    /// The swing between the two leading parties (independents are not a party here): by aggregate share over the
    /// declared wards, or by last time's over the comparable wards until one declares. It is measured from the one of
    /// the two that led last time (<c>From</c>) to the other, so a positive swing is to the party that was behind.
    /// Null when fewer than two parties stand.
    /// </summary>
    public required CouncilSwing? Swing { get; init; }

    /// <summary>Every party that could take control this year (not <see cref="ControlPath.ImpossibleThisYear"/>), smallest swing needed first.</summary>
    public required ImmutableArray<ControlTarget> Control { get; init; }

    /// <summary>The eve-of-poll controlling party's swing to lose control; null under no overall control or without a baseline.</summary>
    public required ControlDefence? Defence { get; init; }

    /// <summary>
    /// The target list of <see cref="AnalysisOptions.Party"/>, or else of the main challenger: the party other than
    /// the controlling one that needs the smallest swing for control. Null when no challenger has a computable swing.
    /// </summary>
    public required ControlTarget? Targets { get; init; }

    /// <summary>Ballot-box turnout over the declared wards.</summary>
    public required TurnoutFigure Turnout { get; init; }

    /// <summary>The live projection of the council's composition and control, by the same method; null once it is fully declared.</summary>
    public required CouncilProjection? Projection { get; init; }

    /// <summary>
    /// Analyses one council as the state stands. The analysis for the default target list is memoised per council view,
    /// method and basis, and reused while every ballot view of the council is the same object (views are immutable and
    /// replaced on every change), so after a declaration only the declaring council is worked out again. The projection
    /// is memoised on its own, since it also depends on the nation's declared wards (see <see cref="CouncilProjection"/>).
    /// </summary>
    public static CouncilAnalysis Of(ElectionState state, CouncilView council, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(council);
        options ??= AnalysisOptions.Default;
        var ballots = state.BallotsOf(council);
        var slots = Memos.GetValue(council, static _ => new Memo?[MemoSlots]);
        var slot = ((int)options.Method * 2) + (int)options.Basis;
        if (Volatile.Read(ref slots[slot]) is not { } memo || !SwingSample.Same(memo.Ballots, ballots))
        {
            memo = new Memo(ballots, Compute(council, ballots, options.Method, options.Basis));
            Volatile.Write(ref slots[slot], memo);
        }

        var projection = CouncilProjection.Of(state, council, ballots, ProjectionOptions.Default with { Method = options.Method });
        if (options.Party is not { } chosen)
        {
            return memo.Analysis with { Options = options, Projection = projection };
        }

        var targets = options.From is null ? memo.Analysis.Control.FirstOrDefault(t => t.Party.Id == chosen.Id) : null;
        return memo.Analysis with
        {
            Options = options,
            Projection = projection,
            Targets = targets ?? SeatModel.Build(council, ballots, options.Method).Gain(chosen, options.From, options.Basis),
        };
    }

    private static CouncilAnalysis Compute(CouncilView council, BallotView[] ballots, ShareMethod method, TargetBasis basis)
    {
        var declared = new List<(BallotView Ballot, WardShares Now, WardShares? Before)>(ballots.Length);
        var previous = new Dictionary<string, (Party Party, double Votes)>(StringComparer.Ordinal);
        foreach (var ballot in ballots)
        {
            var ward = WardAnalysis.Of(ballot, method);
            if (ward.Now is { } now)
            {
                declared.Add((ballot, now, ward.Before));
            }

            foreach (var share in ward.Before?.Shares ?? [])
            {
                var party = share.Contestant.Party;
                previous[party.Id] = (party, previous.GetValueOrDefault(party.Id).Votes + share.Votes);
            }
        }

        // The same memoised tally the nation's shares are summed from.
        var shares = VoteShares.CouncilTally(council, ballots, method).ToShares(council.Definition.Slug, method);
        var leaders = (shares.Wards > 0
                ? shares.Parties.Where(p => p.Share is not null).Select(p => (p.Contestant.Party, Votes: p.Votes!.Value))
                : previous.Values.Select(p => (p.Party, p.Votes)))
            .Where(p => p.Party.Id != PartyCatalog.Independent.Id)
            .OrderByDescending(p => p.Votes).ThenBy(p => p.Party.Name, StringComparer.Ordinal)
            .Take(2).Select(p => p.Party)
            .OrderByDescending(p => previous.GetValueOrDefault(p.Id).Votes) // from the one that led last time
            .ToList();
        var swing = leaders.Count == 2 ? Swings.Council(council.Definition.Slug, declared, to: leaders[1], from: leaders[0], method) : null;

        var model = SeatModel.Build(council, ballots, method);
        var control = model.Contenders(basis)
            .Where(c => c.MostSeats >= council.Majority)
            .Select(c => model.Gain(c.Party, null, basis))
            .OrderBy(t => t.SwingNeeded ?? double.PositiveInfinity).ThenBy(t => t.Party.Name, StringComparer.Ordinal)
            .ToImmutableArray();
        var holder = council.ControlBefore?.Party;
        return new CouncilAnalysis
        {
            CouncilSlug = council.Definition.Slug,
            Options = new AnalysisOptions { Method = method, Basis = basis },
            Shares = shares,
            Swing = swing,
            Control = control,
            Defence = holder is null ? null : model.Defend(holder, null, basis),
            Targets = control.FirstOrDefault(t => t.Party.Id != holder?.Id && t.SwingNeeded is not null),
            Turnout = TurnoutFigure.Council(council, ballots),
            Projection = null,
        };
    }

    private sealed record Memo(BallotView[] Ballots, CouncilAnalysis Analysis);
}
