using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>
/// Projects one council from its prepared <see cref="UndeclaredWards"/> and the samples of the council, its region and
/// the nation: works out each standing party's change, then counts every ward still to declare at the changes as
/// measured and, for each party, the 10th and 90th percentiles of its seats when its change varies from ward to ward.
/// Knows which wider samples it rested on, so that the projection is worked out again only when one of those changes.
/// Not thread-safe; use once.
/// </summary>
internal sealed class Projector(CouncilView council, UndeclaredWards wards, ProjectionOptions options, SwingSample local, SwingSample? regional, SwingSample national)
{
    // Gauss–Hermite quadrature with 5 points for the probabilists' weight e^(−x²/2): E[f(Z)] ≈ Σ wₖ f(xₖ), Z ~ N(0, 1).
    private static readonly double[] Nodes = [-2.856970013872806, -1.355626179974266, 0, 1.355626179974266, 2.856970013872806];
    private static readonly double[] Weights = [0.011257411327721, 0.222075922005613, 0.533333333333333, 0.222075922005613, 0.011257411327721];

    private (double Spread, double MeanError)[] noise = [];
    private bool usedRegion;
    private bool usedNation;

    public (CouncilProjection Projection, bool UsedRegion, bool UsedNation) Project()
    {
        var parties = wards.Parties;
        var swings = new PartySwing[wards.Standing];
        noise = new (double, double)[wards.Standing];
        var councilWide = new double?[wards.Standing];
        for (var p = 0; p < swings.Length; p++)
        {
            (swings[p], noise[p]) = Swing(parties[p]);
            if (wards.UsesCouncilWideShare[p])
            {
                councilWide[p] = PreviousShare(parties[p]);
            }
        }

        var (low, point, high) = Count(swings, councilWide);
        var lines = new List<ProjectedSeats>();
        for (var p = 0; p < parties.Length; p++)
        {
            var settled = wards.Settled[p];
            var line = new ProjectedSeats(parties[p], settled, settled + low[p], settled + point[p], settled + high[p]);
            if (line.High > 0)
            {
                lines.Add(line);
            }
        }

        lines.Sort(static (a, b) => b.Seats.CompareTo(a.Seats) is var order and not 0 ? order
            : b.High.CompareTo(a.High) is var then and not 0 ? then
            : string.CompareOrdinal(a.Party.Name, b.Party.Name));
        var (control, certainty) = Control(lines);
        var projection = new CouncilProjection
        {
            CouncilSlug = council.Definition.Slug,
            Method = options.Method,
            Basis = Basis(swings),
            MinimumWards = options.MinimumWards,
            WardsDeclared = local.Wards,
            Region = council.Definition.Region,
            RegionalWards = regional?.Wards ?? 0,
            NationalWards = national.Wards,
            Swings = [.. swings.OrderByDescending(s => local.PreviousShare(s.Party.Id) ?? regional?.PreviousShare(s.Party.Id) ?? national.PreviousShare(s.Party.Id) ?? -1).ThenBy(s => s.Party.Name, StringComparer.Ordinal)],
            TotalSeats = council.TotalSeats,
            Majority = council.Majority,
            SeatsProjected = wards.SeatsProjected,
            SeatsWithoutComparableVotes = wards.SeatsWithoutComparableVotes,
            SeatsPostponed = wards.SeatsPostponed,
            Parties = [.. lines],
            Control = control,
            Certainty = certainty,
        };
        return (projection, usedRegion, usedNation);
    }

    /// <summary>
    /// Each party's seats in the wards still to declare (the defenders' kept seats included): at every party's change
    /// as measured, and the 10th and 90th percentiles of its seats when its own change in each ward is its measured
    /// change plus an error common to all wards (the mean's, sd/√n) and one of the ward's own (sd), the others' left
    /// as measured. Its seats in a ward rise by one at each shift where one of its candidates overtakes the last
    /// other candidate in the seats, so each ward needs only those few thresholds, found once; the common error is
    /// integrated by Gauss–Hermite, and the sum over wards given it taken as normal.
    /// </summary>
    private (int[] Low, int[] Point, int[] High) Count(PartySwing[] swings, double?[] councilWide)
    {
        var point = (int[])wards.Kept.Clone();
        var low = (int[])wards.Kept.Clone();
        var high = (int[])wards.Kept.Clone();
        var most = 0;
        foreach (var ward in wards.Wards)
        {
            most = Math.Max(most, ward.Candidates.Length);
        }

        var nodes = Nodes.Length;
        var sums = swings.Length * nodes;
        Span<double> mean = sums <= 256 ? stackalloc double[sums] : new double[sums];
        Span<double> variance = sums <= 256 ? stackalloc double[sums] : new double[sums];
        Span<int> reach = swings.Length <= 64 ? stackalloc int[swings.Length] : new int[swings.Length];
        Span<double> scores = most <= 64 ? stackalloc double[most] : new double[most];
        Span<int> elected = most <= 64 ? stackalloc int[most] : new int[most];
        Span<int> order = most <= 64 ? stackalloc int[most] : new int[most];
        Span<double> own = most <= 64 ? stackalloc double[most] : new double[most];
        Span<double> others = most <= 64 ? stackalloc double[most] : new double[most];
        Span<double> steps = most <= 64 ? stackalloc double[most] : new double[most];
        foreach (var ward in wards.Wards)
        {
            var candidates = ward.Candidates;
            for (var i = 0; i < candidates.Length; i++)
            {
                var candidate = candidates[i];
                var swing = swings[candidate.Party];
                scores[i] = candidate.Basis switch
                {
                    UndeclaredWards.ShareBasis.Previous => candidate.Share + swing.Change,
                    UndeclaredWards.ShareBasis.CouncilWide when councilWide[candidate.Party] is { } share => share + swing.Change,
                    _ => swing.NewShare ?? 0,
                };
            }

            var seats = ward.Elect(scores[..candidates.Length], elected);
            ByScore(scores[..candidates.Length], order[..candidates.Length]);
            foreach (var party in ward.Parties)
            {
                point[party] += Wins(elected[..seats], party);
                int mine = 0, theirs = 0;
                foreach (var at in order[..candidates.Length])
                {
                    if (candidates[at].Party == party)
                    {
                        own[mine++] = scores[at];
                    }
                    else
                    {
                        others[theirs++] = scores[at];
                    }
                }

                var contested = Math.Min(mine, ward.Seats);
                reach[party] += contested;
                var spread = noise[party].Spread;
                if (spread == 0 || contested == 0)
                {
                    continue;
                }

                // Its i-th best candidate takes a seat when it passes the (S − i + 1)-th best of the others; with fewer
                // others than that, the seat is its at any shift.
                for (var i = 1; i <= contested; i++)
                {
                    var rival = ward.Seats - i + 1;
                    steps[i - 1] = rival > theirs ? double.NegativeInfinity : others[rival - 1] - own[i - 1];
                }

                var perSpread = 1 / spread;
                for (var k = 0; k < nodes; k++)
                {
                    var common = Nodes[k] * noise[party].MeanError;
                    double expected = 0, square = 0;
                    for (var i = 1; i <= contested; i++)
                    {
                        var q = double.IsNegativeInfinity(steps[i - 1]) ? 1 : StandardNormal.Cdf((common - steps[i - 1]) * perSpread);
                        if (q == 0)
                        {
                            // The thresholds rise with i: its next candidates cannot win either.
                            break;
                        }

                        expected += q;
                        square += ((2 * i) - 1) * q;
                    }

                    mean[(party * nodes) + k] += expected;
                    variance[(party * nodes) + k] += square - (expected * expected);
                }
            }
        }

        for (var p = 0; p < swings.Length; p++)
        {
            if (noise[p].Spread == 0)
            {
                low[p] = high[p] = point[p];
                continue;
            }

            var floor = wards.Kept[p];
            var top = floor + reach[p];
            var means = mean.Slice(p * nodes, nodes);
            var variances = variance.Slice(p * nodes, nodes);
            low[p] = Math.Min(point[p], Percentile(0.10, floor, top, means, variances));
            high[p] = Math.Max(point[p], Percentile(0.90, floor, top, means, variances));
        }

        return (low, point, high);
    }

    /// <summary>
    /// The smallest seat count from <paramref name="floor"/> (the seats kept by defenders) to <paramref name="top"/> at
    /// which the chance that the party wins at most that many in the wards to count reaches
    /// <paramref name="probability"/>, else <paramref name="top"/>. Given the common error at each node its seats are
    /// taken as normal with the summed mean and variance, with a half-seat continuity correction.
    /// </summary>
    private static int Percentile(double probability, int floor, int top, ReadOnlySpan<double> means, ReadOnlySpan<double> variances)
    {
        var kept = floor;
        while (floor < top)
        {
            var middle = floor + ((top - floor) / 2);
            var atMost = 0.0;
            for (var k = 0; k < Nodes.Length; k++)
            {
                var gap = middle + 0.5 - (kept + means[k]);
                atMost += Weights[k] * (variances[k] > 0 ? StandardNormal.Cdf(gap / Math.Sqrt(variances[k])) : gap >= 0 ? 1 : 0);
            }

            if (atMost >= probability)
            {
                top = middle;
            }
            else
            {
                floor = middle + 1;
            }
        }

        return floor;
    }

    /// <summary>Fills <paramref name="order"/> with the candidates' indices, highest score first.</summary>
    private static void ByScore(ReadOnlySpan<double> scores, Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            var at = i;
            while (at > 0 && scores[order[at - 1]] < scores[i])
            {
                order[at] = order[at - 1];
                at--;
            }

            order[at] = i;
        }
    }

    private static int Wins(ReadOnlySpan<int> elected, int party)
    {
        var wins = 0;
        foreach (var winner in elected)
        {
            wins += winner == party ? 1 : 0;
        }

        return wins;
    }

    private (CouncilControl Control, ControlCertainty Certainty) Control(List<ProjectedSeats> lines)
    {
        if (council.ControlCannotChange && council.ControlBefore is { } before)
        {
            return (before, ControlCertainty.CannotChange);
        }

        var now = council.Control;
        if (now.Kind == ControlKind.Party)
        {
            return (now, ControlCertainty.WonControl);
        }

        if (now.Kind == ControlKind.NoOverallControl)
        {
            return (now, ControlCertainty.CertainNoOverallControl);
        }

        var projected = PartySeats.Of(lines.Select(l => new PartyCount(l.Party, l.Seats)));
        return (CouncilControl.Decide(projected, council.TotalSeats, 0, allDeclared: true), ControlCertainty.Projected);
    }

    private static ProjectionBasis Basis(PartySwing[] swings)
    {
        var sources = swings.Select(s => s.Source).Where(s => s != SwingSource.None).Distinct().ToList();
        return sources.Count switch
        {
            0 => ProjectionBasis.NoSwing,
            1 => sources[0] switch
            {
                SwingSource.Council => ProjectionBasis.Council,
                SwingSource.Region => ProjectionBasis.Region,
                _ => ProjectionBasis.Nation,
            },
            _ => ProjectionBasis.Mixed,
        };
    }

    private double? PreviousShare(Party party)
    {
        if (local.PreviousTotal > 0)
        {
            return local.PreviousShare(party.Id);
        }

        usedRegion = regional is not null;
        if (regional is { PreviousTotal: > 0 } region)
        {
            return region.PreviousShare(party.Id);
        }

        usedNation = true;
        return national.PreviousShare(party.Id);
    }

    /// <summary>
    /// A party's change, and the noise its range assumes: the standard deviation of its change across the wards it was
    /// measured over (of its new-party share for a party with no change) and of their mean, both 0 with fewer than two.
    /// </summary>
    private (PartySwing Swing, (double Spread, double MeanError) Noise) Swing(Party party)
    {
        var minimum = options.MinimumWards;
        var (source, change) = Pick(local.Change(party.Id), regional?.Change(party.Id), national.Change(party.Id), minimum);
        var (newSource, newShare) = Pick(local.NewShare(party.Id), regional?.NewShare(party.Id), national.NewShare(party.Id), minimum);
        var (rangeOf, rangeSource) = source != SwingSource.None ? (change, source) : (newShare, newSource);
        var spread = rangeSource == SwingSource.None || rangeOf.Count < 2 ? 0 : rangeOf.StandardDeviation;
        var meanError = spread / Math.Sqrt(Math.Max(1, rangeOf.Count));
        var swing = new PartySwing
        {
            Party = party,
            Source = source,
            Wards = change.Count,
            Change = change.Mean,
            Spread = change.StandardDeviation,
            NewShareSource = newSource,
            NewShare = newSource == SwingSource.None ? null : newShare.Mean,
            MeanError = meanError,
        };
        return (swing, (spread, meanError));
    }

    private (SwingSource Source, Moments Moments) Pick(Moments here, Moments? region, Moments nation, int minimum)
    {
        if (here.Count >= minimum)
        {
            return (SwingSource.Council, here);
        }

        // Past the council, the region's sample decides, and the nation's when the region has too few, so a later
        // declaration there must refresh this.
        usedRegion = region is not null;
        if (region is { } inRegion && inRegion.Count >= minimum)
        {
            return (SwingSource.Region, inRegion);
        }

        usedNation = true;
        if (nation.Count > 0)
        {
            return (SwingSource.Nation, nation);
        }

        return (SwingSource.None, default);
    }
}
