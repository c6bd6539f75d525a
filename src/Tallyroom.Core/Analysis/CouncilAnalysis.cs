using System.Collections.Immutable;
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

    /// <summary>The opponent that party's swing comes from; null for the default (each ward's seat holders).</summary>
    public Party? From { get; init; }
}

/// <summary>
/// A council's analysis at one revision: vote shares with their change, the swing between the top two parties, the
/// swing each party needs for control and the controlling party's swing to lose it, one target list, and turnout.
/// Every figure names its method. Immutable.
/// </summary>
public sealed record CouncilAnalysis
{
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

    /// <summary>Analyses one council as the state stands.</summary>
    public static CouncilAnalysis Of(ElectionState state, CouncilView council, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(council);
        options ??= AnalysisOptions.Default;
        var method = options.Method;

        var ballots = new BallotView[council.BallotIds.Length];
        var declared = new List<(BallotView Ballot, WardShares Now, WardShares? Before)>(ballots.Length);
        var tally = new VoteShares.AggregateTally();
        var previous = new Dictionary<string, (Party Party, double Votes)>(StringComparer.Ordinal);
        for (var i = 0; i < ballots.Length; i++)
        {
            var ballot = ballots[i] = state.Ballots[council.BallotIds[i]];
            var ward = WardAnalysis.Of(ballot, method);
            if (ward.Now is { } now)
            {
                declared.Add((ballot, now, ward.Before));
                tally.Add(now, ward.Before);
            }

            foreach (var share in ward.Before?.Shares ?? [])
            {
                var party = share.Contestant.Party;
                previous[party.Id] = (party, previous.GetValueOrDefault(party.Id).Votes + share.Votes);
            }
        }

        var shares = tally.ToShares(council.Definition.Slug, method);
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
        var control = model.Contenders(options.Basis)
            .Where(c => c.MostSeats >= council.Majority)
            .Select(c => model.Gain(c.Party, null, options.Basis))
            .OrderBy(t => t.SwingNeeded ?? double.PositiveInfinity).ThenBy(t => t.Party.Name, StringComparer.Ordinal)
            .ToImmutableArray();
        var holder = council.ControlBefore?.Party;
        var targets = options.Party is { } chosen
            ? options.From is null ? control.FirstOrDefault(t => t.Party.Id == chosen.Id) ?? model.Gain(chosen, null, options.Basis) : model.Gain(chosen, options.From, options.Basis)
            : control.FirstOrDefault(t => t.Party.Id != holder?.Id && t.SwingNeeded is not null);
        return new CouncilAnalysis
        {
            CouncilSlug = council.Definition.Slug,
            Options = options,
            Shares = shares,
            Swing = swing,
            Control = control,
            Defence = holder is null ? null : model.Defend(holder, null, options.Basis),
            Targets = targets,
            Turnout = TurnoutFigure.Over(ballots),
        };
    }
}
