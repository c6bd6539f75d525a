using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>A count, sum and sum of squares: enough for a mean and a standard deviation, and summable.</summary>
internal readonly record struct Moments(int Count, double Sum, double SumOfSquares)
{
    public double Mean => Count == 0 ? 0 : Sum / Count;

    /// <summary>The sample standard deviation (n − 1); 0 with fewer than two values.</summary>
    public double StandardDeviation => Count < 2 ? 0 : Math.Sqrt(Math.Max(0, (SumOfSquares - (Sum * Sum / Count)) / (Count - 1)));

    public Moments Add(double value) => new(Count + 1, Sum + value, SumOfSquares + (value * value));

    public Moments Plus(Moments other) => new(Count + other.Count, Sum + other.Sum, SumOfSquares + other.SumOfSquares);
}

/// <summary>
/// What the declared wards of a council (or of the nation) say about the swing, by one share method: for each party
/// (independents grouped), the change in its share in every declared ward it contested both now and last time on
/// comparable boundaries, and its share in every such ward where it stands for the first time; and last time's
/// aggregate shares over every ward with comparable votes, declared or not. Immutable once built; summable, so a
/// region's and the nation's are the sums of their councils'.
/// </summary>
internal sealed class SwingSample
{
    private static readonly ConditionalWeakTable<CouncilView, Memo?[]> ByCouncil = [];
    private static readonly ConditionalWeakTable<ElectionState, SwingSample?[]> ByState = [];
    private static readonly ConditionalWeakTable<ElectionState, ConcurrentDictionary<(string Region, ShareMethod Method), SwingSample>> ByRegion = [];
    private static readonly ConcurrentDictionary<(string Region, ShareMethod Method), RegionalMemo> LastRegional = new();

    private readonly Dictionary<string, Moments> changes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Moments> newShares = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> previousVotes = new(StringComparer.Ordinal);

    private SwingSample()
    {
    }

    /// <summary>Declared wards with votes now and comparable votes last time: those the changes are measured over.</summary>
    public int Wards { get; private set; }

    /// <summary>The method's total last time over every ward with comparable votes.</summary>
    public double PreviousTotal { get; private set; }

    /// <summary>
    /// A council's sample, memoised on its view and reused while its ballot views are the same objects (views are
    /// immutable and replaced on every change).
    /// </summary>
    public static SwingSample For(CouncilView council, BallotView[] ballots, ShareMethod method)
    {
        var slots = ByCouncil.GetValue(council, static _ => new Memo?[3]);
        var index = (int)method;
        if (Volatile.Read(ref slots[index]) is { } memo && Same(memo.Ballots, ballots))
        {
            return memo.Sample;
        }

        var sample = new SwingSample();
        foreach (var ballot in ballots)
        {
            sample.AddWard(WardAnalysis.Of(ballot, method));
        }

        Volatile.Write(ref slots[index], new Memo(ballots, sample));
        return sample;
    }

    /// <summary>True when both hold the same ballot view objects in the same order.</summary>
    public static bool Same(BallotView[] a, BallotView[] b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!ReferenceEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The nation's sample at this state, memoised on the state: the sum of every region's (which are reused while
    /// their councils' samples are) and of the councils with no region, so a declaration re-sums one region and the
    /// nation's few parts rather than every council.
    /// </summary>
    public static SwingSample National(ElectionState state, ShareMethod method)
    {
        var slots = ByState.GetValue(state, static _ => new SwingSample?[3]);
        var index = (int)method;
        if (Volatile.Read(ref slots[index]) is { } sample)
        {
            return sample;
        }

        sample = new SwingSample();
        var regions = Regions.Of(state);
        foreach (var region in regions.Names)
        {
            sample.AddSample(Regional(state, region, method));
        }

        foreach (var council in regions.Unassigned)
        {
            sample.AddSample(For(council, state.BallotsOf(council), method));
        }

        Volatile.Write(ref slots[index], sample);
        return sample;
    }

    /// <summary>
    /// A region's sample at this state: the sum of its councils', memoised on the state. It is also the same object as
    /// at the previous state while none of the region's councils' samples has changed, so that a projection resting
    /// on its region is reused after a declaration elsewhere.
    /// </summary>
    public static SwingSample Regional(ElectionState state, string region, ShareMethod method) =>
        ByRegion.GetValue(state, static _ => new()).GetOrAdd((region, method), static (key, state) =>
        {
            var councils = Regions.Of(state).Councils(key.Region);
            var parts = new SwingSample[councils.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = For(councils[i], state.BallotsOf(councils[i]), key.Method);
            }

            if (LastRegional.TryGetValue(key, out var last) && last.Parts.SequenceEqual(parts, ReferenceEqualityComparer.Instance))
            {
                return last.Sum;
            }

            var sample = new SwingSample();
            Array.ForEach(parts, sample.AddSample);
            LastRegional[key] = new RegionalMemo(parts, sample);
            return sample;
        }, state);

    /// <summary>The party's changes in share, in points, over the wards it contested in both years.</summary>
    public Moments Change(string partyId) => changes.GetValueOrDefault(partyId);

    /// <summary>The party's shares, in points, in the wards where it stands now but did not last time.</summary>
    public Moments NewShare(string partyId) => newShares.GetValueOrDefault(partyId);

    /// <summary>The party's aggregate share last time over the wards with comparable votes; null when it had none.</summary>
    public double? PreviousShare(string partyId) =>
        PreviousTotal > 0 && previousVotes.TryGetValue(partyId, out var votes) ? 100.0 * votes / PreviousTotal : null;

    private sealed record Memo(BallotView[] Ballots, SwingSample Sample);

    private sealed record RegionalMemo(SwingSample[] Parts, SwingSample Sum);

    /// <summary>
    /// A state's councils by region, in slug order, and the councils with none: worked out once per state, in one pass.
    /// Samples are summed in these orders, so that the same state gives the same figures to the last bit in every process.
    /// </summary>
    private sealed class Regions
    {
        private static readonly ConditionalWeakTable<ElectionState, Regions> ByState = [];
        private readonly Dictionary<string, CouncilView[]> byRegion;

        private Regions(ElectionState state)
        {
            var groups = new SortedDictionary<string, List<CouncilView>>(StringComparer.Ordinal);
            var unassigned = new List<CouncilView>();
            foreach (var council in state.CouncilsInOrder())
            {
                if (council.Definition.Region is not { } region)
                {
                    unassigned.Add(council);
                }
                else if (groups.TryGetValue(region, out var list))
                {
                    list.Add(council);
                }
                else
                {
                    groups.Add(region, [council]);
                }
            }

            byRegion = groups.ToDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal);
            Names = [.. groups.Keys];
            Unassigned = [.. unassigned];
        }

        /// <summary>The regions, in ordinal order.</summary>
        public string[] Names { get; }

        /// <summary>The councils with no region.</summary>
        public CouncilView[] Unassigned { get; }

        public static Regions Of(ElectionState state) => ByState.GetValue(state, static state => new Regions(state));

        /// <summary>The region's councils; none for a region no council is in.</summary>
        public CouncilView[] Councils(string region) => byRegion.GetValueOrDefault(region) ?? [];
    }

    private void AddWard(WardAnalysis ward)
    {
        if (ward.Before is not { } before)
        {
            return;
        }

        PreviousTotal += before.Total;
        foreach (var share in before.Shares)
        {
            var party = Grouped(share.Contestant.Party);
            previousVotes[party.Id] = previousVotes.GetValueOrDefault(party.Id) + share.Votes;
        }

        if (ward.Now is not { } now)
        {
            return;
        }

        Wards++;
        foreach (var share in now.Shares)
        {
            var party = Grouped(share.Contestant.Party);
            if (First(now, share))
            {
                var shareNow = now.PartyShare(party.Id)!.Value;
                if (before.PartyShare(party.Id) is { } then)
                {
                    changes[party.Id] = changes.GetValueOrDefault(party.Id).Add(shareNow - then);
                }
                else
                {
                    newShares[party.Id] = newShares.GetValueOrDefault(party.Id).Add(shareNow);
                }
            }
        }
    }

    private void AddSample(SwingSample other)
    {
        Wards += other.Wards;
        PreviousTotal += other.PreviousTotal;
        foreach (var (id, moments) in other.changes)
        {
            changes[id] = changes.GetValueOrDefault(id).Plus(moments);
        }

        foreach (var (id, moments) in other.newShares)
        {
            newShares[id] = newShares.GetValueOrDefault(id).Plus(moments);
        }

        foreach (var (id, votes) in other.previousVotes)
        {
            previousVotes[id] = previousVotes.GetValueOrDefault(id) + votes;
        }
    }

    private static Party Grouped(Party party) => party.Id == PartyCatalog.Independent.Id ? PartyCatalog.Independent : party;

    /// <summary>True for the first share of its party in the ward (independents are several contestants of one party).</summary>
    private static bool First(WardShares shares, ContestantShare share)
    {
        foreach (var other in shares.Shares)
        {
            if (other.Contestant.Party.Id == share.Contestant.Party.Id)
            {
                return ReferenceEquals(other, share);
            }
        }

        return false;
    }
}
