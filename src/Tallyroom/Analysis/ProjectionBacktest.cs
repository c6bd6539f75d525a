using System.Collections.Immutable;
using Tallyroom.Core.Analysis;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Simulation.Orders;

namespace Tallyroom.Analysis;

/// <summary>How far projections made during the night were from each council's final composition, at one stage of its count.</summary>
internal sealed record BacktestStage
{
    /// <summary>The share of the council's seats declared (0–100) at which the projection was taken.</summary>
    public required int Percent { get; init; }

    /// <summary>Projections taken, over all orders (a council counts once per order).</summary>
    public required int Projections { get; init; }

    /// <summary>Of those, taken when the declaration that passed the stage completed the council (exact by construction).</summary>
    public required int Complete { get; init; }

    /// <summary>Of those, taken while control was still open (not decided by the certainty rules).</summary>
    public required int Open { get; init; }

    /// <summary>Of those, where every party's change came from the council's own wards.</summary>
    public required int OwnSwing { get; init; }

    /// <summary>Of those, where some party's change came from the council's region.</summary>
    public required int RegionSwing { get; init; }

    public required double ModelSeatError { get; init; }

    public required double NaiveSeatError { get; init; }

    public required double ModelControlRight { get; init; }

    public required double NaiveControlRight { get; init; }

    public required double ModelControlRightOpen { get; init; }

    public required double NaiveControlRightOpen { get; init; }

    /// <summary>Party lines (every party with seats projected or actual) whose final seats fell within the projected range.</summary>
    public required double RangeCoverage { get; init; }
}

/// <summary>The backtest's findings. Immutable.</summary>
internal sealed record BacktestResult
{
    public required string Election { get; init; }

    public required int Orders { get; init; }

    public required int Seed { get; init; }

    public required int Councils { get; init; }

    /// <summary>Councils with a region.</summary>
    public required int Regions { get; init; }

    public required int Declarations { get; init; }

    public required int MinimumWards { get; init; }

    public required ImmutableArray<BacktestStage> Stages { get; init; }
}

/// <summary>
/// Replays a night in many random declaration orders and, for each council, takes the projection of its final
/// composition once a given share of its seats has declared, then compares it with what the council finally was: the
/// mean absolute seat error (the sum over parties of |projected − actual|, averaged over councils) and the share of
/// councils whose control was called right, for the model and for a naive baseline in which every undeclared seat goes
/// to whoever held it (its defended seats; a seat with no comparable defender to the council's largest party on the eve
/// of poll). Both baselines follow the certainty rules. Pure; deterministic for a seed.
/// </summary>
internal static class ProjectionBacktest
{
    public static BacktestResult Run(IReadOnlyList<ElectionEvent> setup, IReadOnlyList<DeclarationRecorded> night, int orders, int seed, IReadOnlyList<int> percents, ProjectionOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(orders, 1);
        options ??= ProjectionOptions.Default;
        var start = ResultsEngine.Fold(ElectionState.Empty, setup);
        var final = night.Aggregate(start, (state, e) => state.Apply(e, state.Revision + 1));
        var actual = final.Councils.Values.ToDictionary(c => c.Definition.Slug, c => (c.Composition, c.Control), StringComparer.Ordinal);
        var councilOf = start.Ballots.Values.ToDictionary(b => b.Definition.Id, b => b.Definition.CouncilSlug, StringComparer.Ordinal);
        var tallies = percents.Select(p => new StageTally(p, options)).ToArray();
        for (var run = 0; run < orders; run++)
        {
            var order = DeclarationOrder.Random(seed + run).Arrange(setup, night).Declarations;
            var reached = new Dictionary<string, int>(StringComparer.Ordinal);
            var state = start;
            foreach (var e in order)
            {
                state = state.Apply(e, state.Revision + 1);
                var council = state.Councils[councilOf[e.Declaration.BallotId]];
                var next = reached.GetValueOrDefault(council.Definition.Slug);
                var counted = council.SeatsUp - council.SeatsPostponed;
                while (next < tallies.Length && counted > 0 && council.SeatsDeclared * 100 >= tallies[next].Percent * counted)
                {
                    tallies[next].Add(state, council, actual[council.Definition.Slug]);
                    next++;
                }

                reached[council.Definition.Slug] = next;
            }
        }

        return new BacktestResult
        {
            Election = start.Election?.Name ?? start.Election?.Id ?? "the election",
            Orders = orders,
            Seed = seed,
            Councils = start.Councils.Count,
            Regions = start.Councils.Values.Count(c => c.Definition.Region is not null),
            Declarations = night.Count,
            MinimumWards = options.MinimumWards,
            Stages = [.. tallies.Select(t => t.ToStage())],
        };
    }

    /// <summary>The naive baseline: seats so far plus, for each ward still to declare tonight, its defended seats.</summary>
    internal static PartySeats Naive(ElectionState state, CouncilView council)
    {
        var seats = council.Composition;
        var largest = council.Baseline?.EveOfPoll.OrderByDescending(c => c.Seats).ThenBy(c => c.Party.Name, StringComparer.Ordinal).FirstOrDefault()?.Party;
        foreach (var id in council.BallotIds)
        {
            var ballot = state.Ballots[id];
            if (ballot.HasResult || ballot.Status == BallotStatus.Postponed)
            {
                continue;
            }

            var defended = ballot.Baseline?.Defended ?? [];
            if (defended.IsDefaultOrEmpty)
            {
                seats = largest is null ? seats : seats.Add(largest, ballot.Definition.SeatsUp);
                continue;
            }

            foreach (var count in defended)
            {
                seats = seats.Add(count.Party, count.Seats);
            }
        }

        return seats;
    }

    private static bool SameControl(CouncilControl a, CouncilControl b) => a.Kind == b.Kind && a.Party?.Id == b.Party?.Id;

    private static int SeatError(PartySeats projected, PartySeats actual)
    {
        var error = 0;
        foreach (var id in projected.Entries.Select(e => e.Party.Id).Union(actual.Entries.Select(e => e.Party.Id), StringComparer.Ordinal))
        {
            error += Math.Abs(projected.Get(id) - actual.Get(id));
        }

        return error;
    }

    private sealed class StageTally(int percent, ProjectionOptions options)
    {
        private int projections, complete, open, own, region, modelRight, naiveRight, modelRightOpen, naiveRightOpen, lines, covered;
        private long modelError, naiveError;

        public int Percent => percent;

        public void Add(ElectionState state, CouncilView council, (PartySeats Composition, CouncilControl Control) actual)
        {
            projections++;
            if (CouncilProjection.Of(state, council, options) is not { } projection)
            {
                // Complete: the projection is the result.
                complete++;
                modelRight++;
                naiveRight++;
                return;
            }

            var projected = PartySeats.Of(projection.Parties.Select(p => new PartyCount(p.Party, p.Seats)));
            var naive = Naive(state, council);
            var naiveControl = projection.Certainty == ControlCertainty.Projected
                ? CouncilControl.Decide(naive, council.TotalSeats, 0, allDeclared: true)
                : projection.Control;
            modelError += SeatError(projected, actual.Composition);
            naiveError += SeatError(naive, actual.Composition);
            var modelOk = SameControl(projection.Control, actual.Control);
            var naiveOk = SameControl(naiveControl, actual.Control);
            modelRight += modelOk ? 1 : 0;
            naiveRight += naiveOk ? 1 : 0;
            own += projection.Basis == ProjectionBasis.Council ? 1 : 0;
            region += projection.Swings.Any(s => s.Source == SwingSource.Region) ? 1 : 0;
            if (projection.Certainty == ControlCertainty.Projected)
            {
                open++;
                modelRightOpen += modelOk ? 1 : 0;
                naiveRightOpen += naiveOk ? 1 : 0;
            }

            foreach (var id in projection.Parties.Select(p => p.Party.Id).Union(actual.Composition.Entries.Select(e => e.Party.Id), StringComparer.Ordinal))
            {
                var line = projection.Parties.FirstOrDefault(p => p.Party.Id == id);
                var seats = actual.Composition.Get(id);
                lines++;
                covered += (line?.Low ?? 0) <= seats && seats <= (line?.High ?? 0) ? 1 : 0;
            }
        }

        public BacktestStage ToStage() => new()
        {
            Percent = percent,
            Projections = projections,
            Complete = complete,
            Open = open,
            OwnSwing = own,
            RegionSwing = region,
            ModelSeatError = Ratio(modelError, projections),
            NaiveSeatError = Ratio(naiveError, projections),
            ModelControlRight = Ratio(modelRight, projections),
            NaiveControlRight = Ratio(naiveRight, projections),
            ModelControlRightOpen = Ratio(modelRightOpen, open),
            NaiveControlRightOpen = Ratio(naiveRightOpen, open),
            RangeCoverage = Ratio(covered, lines),
        };

        private static double Ratio(long part, int whole) => whole == 0 ? 0 : (double)part / whole;
    }
}
