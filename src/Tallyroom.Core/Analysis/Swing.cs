using System.Collections.Immutable;
using System.Globalization;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>How a swing between two parties is measured.</summary>
public enum SwingMeasure
{
    /// <summary>Butler (total-vote) swing: the mean of one party's rise and the other's fall, ((A₂ − A₁) + (B₁ − B₂)) / 2.</summary>
    Butler,

    /// <summary>
    /// Steed (two-party) swing: shares recomputed on A + B only, then the change in A's. It can differ in sign from
    /// Butler's when both parties fall (or rise) together.
    /// </summary>
    Steed,
}

/// <summary>How ward swings become one figure for many wards.</summary>
public enum SwingAggregation
{
    /// <summary>One ward's swing.</summary>
    Ward,

    /// <summary>From the wards' shares summed (votes by the method over the wards / the method's totals), then swung.</summary>
    AggregateShares,

    /// <summary>The mean of the ward swings.</summary>
    MeanOfWards,

    /// <summary>The median of the ward swings.</summary>
    MedianOfWards,
}

/// <summary>
/// One swing figure with everything it depends on named: the parties, the measure, how wards were combined, the
/// share method and how many wards. Positive is a swing to <see cref="To"/> from <see cref="From"/>, in points.
/// Immutable.
/// </summary>
public sealed record SwingFigure
{
    /// <summary>The party the swing is to when positive (A).</summary>
    public required Party To { get; init; }

    /// <summary>The party the swing is from when positive (B).</summary>
    public required Party From { get; init; }

    /// <summary>Butler or Steed.</summary>
    public required SwingMeasure Measure { get; init; }

    /// <summary>One ward, aggregate shares, or the mean or median of the ward swings.</summary>
    public required SwingAggregation Aggregation { get; init; }

    /// <summary>The share method both years' shares use.</summary>
    public required ShareMethod Method { get; init; }

    /// <summary>The swing in points; null when no ward qualifies.</summary>
    public required double? Points { get; init; }

    /// <summary>Wards contested by both parties in both years on comparable boundaries: the only ones that count.</summary>
    public required int Wards { get; init; }

    /// <summary>The figure in words, e.g. "Butler swing from Conservative to Labour, from aggregate top-vote shares over 18 wards".</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Measure} swing from {From.Name} to {To.Name}, {Aggregation switch
    {
        SwingAggregation.Ward => $"{ShareMethods.Name(Method)} shares in one ward",
        SwingAggregation.AggregateShares => $"from aggregate {ShareMethods.Name(Method)} shares over {Plural.Count(Wards, "ward", "wards")}",
        SwingAggregation.MeanOfWards => $"mean of {Plural.Count(Wards, "ward swing", "ward swings")}, {ShareMethods.Name(Method)} shares",
        _ => $"median of {Plural.Count(Wards, "ward swing", "ward swings")}, {ShareMethods.Name(Method)} shares",
    }}");
}

/// <summary>One ward's swing between two parties, with the shares it comes from. Immutable.</summary>
public sealed record WardSwing
{
    /// <summary>The ballot.</summary>
    public required string BallotId { get; init; }

    /// <summary>The ward's name.</summary>
    public required string WardName { get; init; }

    /// <summary>A's share last time.</summary>
    public required double ToBefore { get; init; }

    /// <summary>A's share now.</summary>
    public required double ToAfter { get; init; }

    /// <summary>B's share last time.</summary>
    public required double FromBefore { get; init; }

    /// <summary>B's share now.</summary>
    public required double FromAfter { get; init; }

    /// <summary>Butler swing from B to A, in points.</summary>
    public double Butler => Swings.Butler(ToBefore, ToAfter, FromBefore, FromAfter);

    /// <summary>Steed (two-party) swing from B to A, in points.</summary>
    public double Steed => Swings.Steed(ToBefore, ToAfter, FromBefore, FromAfter);
}

/// <summary>A council's swing between two parties: by ward, and as one figure per measure and aggregation. Immutable.</summary>
public sealed record CouncilSwing
{
    /// <summary>The council.</summary>
    public required string CouncilSlug { get; init; }

    /// <summary>A: the party a positive swing is to.</summary>
    public required Party To { get; init; }

    /// <summary>B: the party a positive swing is from.</summary>
    public required Party From { get; init; }

    /// <summary>The share method.</summary>
    public required ShareMethod Method { get; init; }

    /// <summary>
    /// Butler and Steed, each from aggregate shares, as the mean and as the median of ward swings, in that order.
    /// </summary>
    public required ImmutableArray<SwingFigure> Figures { get; init; }

    /// <summary>The wards that count (declared, comparable, both parties standing in both years), in ballot order.</summary>
    public required ImmutableArray<WardSwing> ByWard { get; init; }

    /// <summary>Declared wards left out: not comparable, or one of the parties missing in one of the years.</summary>
    public required int WardsLeftOut { get; init; }

    /// <summary>The figure for one measure and aggregation.</summary>
    public SwingFigure Figure(SwingMeasure measure, SwingAggregation aggregation) =>
        Figures.First(f => f.Measure == measure && f.Aggregation == aggregation);
}

/// <summary>Swing between two parties, Butler and Steed, per ward and per council. Pure. Thread-safe.</summary>
public static class Swings
{
    /// <summary>Butler swing from B to A: ((A₂ − A₁) + (B₁ − B₂)) / 2, shares and result in points.</summary>
    public static double Butler(double toBefore, double toAfter, double fromBefore, double fromAfter) =>
        ((toAfter - toBefore) + (fromBefore - fromAfter)) / 2;

    /// <summary>
    /// Steed (two-party) swing from B to A: A's share of A + B now minus its share of A + B last time, in points. Both
    /// years need a positive A + B.
    /// </summary>
    public static double Steed(double toBefore, double toAfter, double fromBefore, double fromAfter)
    {
        if (toBefore + fromBefore <= 0 || toAfter + fromAfter <= 0)
        {
            throw new ArgumentException("A two-party swing needs A + B above zero in both years.");
        }

        return (100.0 * toAfter / (toAfter + fromAfter)) - (100.0 * toBefore / (toBefore + fromBefore));
    }

    /// <summary>
    /// One ward's swing from <paramref name="from"/> to <paramref name="to"/>; null unless the ward is declared after a
    /// poll, has last time's votes on comparable boundaries, and both parties stood in both years.
    /// </summary>
    public static WardSwing? Ward(BallotView ballot, Party to, Party from, ShareMethod method = ShareMethod.TopVote)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(from);
        return VoteShares.Declared(ballot, method) is { } now && VoteShares.Previous(ballot, method) is { } before
            ? Ward(ballot, now, before, to, from)
            : null;
    }

    /// <summary>
    /// A council's swing from <paramref name="from"/> to <paramref name="to"/> over its qualifying wards: Butler and
    /// Steed, from aggregate shares and as the mean and median of ward swings.
    /// </summary>
    public static CouncilSwing Council(ElectionState state, CouncilView council, Party to, Party from, ShareMethod method = ShareMethod.TopVote)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(from);
        var wards = new List<(BallotView Ballot, WardShares Now, WardShares? Before)>(council.BallotIds.Length);
        foreach (var id in council.BallotIds)
        {
            var ballot = state.Ballots[id];
            if (VoteShares.Declared(ballot, method) is { } now)
            {
                wards.Add((ballot, now, VoteShares.Previous(ballot, method)));
            }
        }

        return Council(council.Definition.Slug, wards, to, from, method);
    }

    internal static CouncilSwing Council(string councilSlug, IReadOnlyList<(BallotView Ballot, WardShares Now, WardShares? Before)> declared, Party to, Party from, ShareMethod method)
    {
        var byWard = ImmutableArray.CreateBuilder<WardSwing>(declared.Count);
        double toBefore = 0, toAfter = 0, fromBefore = 0, fromAfter = 0, totalBefore = 0, totalAfter = 0;
        foreach (var (ballot, now, before) in declared)
        {
            if (before is null || Ward(ballot, now, before, to, from) is not { } swing)
            {
                continue;
            }

            byWard.Add(swing);
            toBefore += before.PartyVotes(to.Id)!.Value;
            fromBefore += before.PartyVotes(from.Id)!.Value;
            toAfter += now.PartyVotes(to.Id)!.Value;
            fromAfter += now.PartyVotes(from.Id)!.Value;
            totalBefore += before.Total;
            totalAfter += now.Total;
        }

        var wards = byWard.DrainToImmutable();
        var count = wards.Length;
        double? Aggregate(Func<double, double, double, double, double> measure) => count == 0
            ? null
            : measure(100 * toBefore / totalBefore, 100 * toAfter / totalAfter, 100 * fromBefore / totalBefore, 100 * fromAfter / totalAfter);
        SwingFigure Figure(SwingMeasure measure, SwingAggregation aggregation, double? points) =>
            new() { To = to, From = from, Measure = measure, Aggregation = aggregation, Method = method, Points = points, Wards = count };
        var butler = wards.Select(w => w.Butler).ToArray();
        var steed = wards.Select(w => w.Steed).ToArray();
        return new CouncilSwing
        {
            CouncilSlug = councilSlug,
            To = to,
            From = from,
            Method = method,
            Figures =
            [
                Figure(SwingMeasure.Butler, SwingAggregation.AggregateShares, Aggregate(Butler)),
                Figure(SwingMeasure.Butler, SwingAggregation.MeanOfWards, count == 0 ? null : butler.Average()),
                Figure(SwingMeasure.Butler, SwingAggregation.MedianOfWards, Median(butler)),
                Figure(SwingMeasure.Steed, SwingAggregation.AggregateShares, Aggregate(Steed)),
                Figure(SwingMeasure.Steed, SwingAggregation.MeanOfWards, count == 0 ? null : steed.Average()),
                Figure(SwingMeasure.Steed, SwingAggregation.MedianOfWards, Median(steed)),
            ],
            ByWard = wards,
            WardsLeftOut = declared.Count - count,
        };
    }

    /// <summary>The median: the middle value, or the mean of the two middle values; null for none.</summary>
    internal static double? Median(double[] values)
    {
        if (values.Length == 0)
        {
            return null;
        }

        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static WardSwing? Ward(BallotView ballot, WardShares now, WardShares before, Party to, Party from) =>
        before.PartyShare(to.Id) is { } toBefore && now.PartyShare(to.Id) is { } toAfter
        && before.PartyShare(from.Id) is { } fromBefore && now.PartyShare(from.Id) is { } fromAfter
        && toBefore + fromBefore > 0 && toAfter + fromAfter > 0
            ? new WardSwing { BallotId = ballot.Definition.Id, WardName = ballot.Definition.WardName, ToBefore = toBefore, ToAfter = toAfter, FromBefore = fromBefore, FromAfter = fromAfter }
            : null;
}
