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

    /// <summary>The nation's sample at this state: the sum of every council's, memoised on the state.</summary>
    public static SwingSample National(ElectionState state, ShareMethod method)
    {
        var slots = ByState.GetValue(state, static _ => new SwingSample?[3]);
        var index = (int)method;
        if (Volatile.Read(ref slots[index]) is { } sample)
        {
            return sample;
        }

        sample = new SwingSample();
        foreach (var council in state.Councils.Values)
        {
            sample.AddSample(For(council, Ballots(state, council), method));
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
            var parts = new List<SwingSample>();
            foreach (var council in state.Councils.Values)
            {
                if (string.Equals(council.Definition.Region, key.Region, StringComparison.Ordinal))
                {
                    parts.Add(For(council, Ballots(state, council), key.Method));
                }
            }

            if (LastRegional.TryGetValue(key, out var last) && last.Parts.SequenceEqual(parts, ReferenceEqualityComparer.Instance))
            {
                return last.Sum;
            }

            var sample = new SwingSample();
            parts.ForEach(sample.AddSample);
            LastRegional[key] = new RegionalMemo([.. parts], sample);
            return sample;
        }, state);

    public static BallotView[] Ballots(ElectionState state, CouncilView council)
    {
        var ballots = new BallotView[council.BallotIds.Length];
        for (var i = 0; i < ballots.Length; i++)
        {
            ballots[i] = state.Ballots[council.BallotIds[i]];
        }

        return ballots;
    }

    /// <summary>The party's changes in share, in points, over the wards it contested in both years.</summary>
    public Moments Change(string partyId) => changes.GetValueOrDefault(partyId);

    /// <summary>The party's shares, in points, in the wards where it stands now but did not last time.</summary>
    public Moments NewShare(string partyId) => newShares.GetValueOrDefault(partyId);

    /// <summary>The party's aggregate share last time over the wards with comparable votes; null when it had none.</summary>
    public double? PreviousShare(string partyId) =>
        PreviousTotal > 0 && previousVotes.TryGetValue(partyId, out var votes) ? 100.0 * votes / PreviousTotal : null;

    private sealed record Memo(BallotView[] Ballots, SwingSample Sample);

    private sealed record RegionalMemo(SwingSample[] Parts, SwingSample Sum);

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
