using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>
/// Vote shares by a named method: per ward now and last time, with the change, and summed over a council or the nation
/// over the declared wards. Pure functions of the state. Thread-safe.
/// </summary>
public static class VoteShares
{
    private static readonly ConditionalWeakTable<CouncilView, CouncilMemo?[]> CouncilTallies = [];

    /// <summary>The ward's shares at this election; null until it is declared after a poll (uncontested wards have no votes).</summary>
    public static WardShares? Declared(BallotView ballot, ShareMethod method = ShareMethod.TopVote)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        return WardAnalysis.Of(ballot, method).Now;
    }

    /// <summary>
    /// The ward's shares when its seats were last fought; null when its baseline is missing, not comparable, or has
    /// no votes.
    /// </summary>
    public static WardShares? Previous(BallotView ballot, ShareMethod method = ShareMethod.TopVote)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        return WardAnalysis.Of(ballot, method).Before;
    }

    /// <summary>
    /// Each contestant's share in a declared ward and its change against the ward's baseline by the same method:
    /// "new" where it did not stand then, nothing where the baseline is not comparable. Null until declared after a poll.
    /// </summary>
    public static WardShareChanges? Ward(BallotView ballot, ShareMethod method = ShareMethod.TopVote)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var ward = WardAnalysis.Of(ballot, method);
        return ward.Now is { } now ? Compare(now, ward.Before, method) : null;
    }

    /// <summary>
    /// A council's shares over its declared wards (sum of each party's votes by the method over the wards / sum of the
    /// method's totals), with the change over the declared wards that have a comparable result last time.
    /// </summary>
    public static AggregateShares Council(ElectionState state, CouncilView council, ShareMethod method = ShareMethod.TopVote)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(council);
        return CouncilTally(council, state.BallotsOf(council), method).ToShares(council.Definition.Slug, method);
    }

    /// <summary>The nation's shares over every declared ward of the election, as <see cref="Council"/> sums them.</summary>
    public static AggregateShares National(ElectionState state, ShareMethod method = ShareMethod.TopVote)
    {
        ArgumentNullException.ThrowIfNull(state);
        var tally = new AggregateTally();
        foreach (var council in state.CouncilsInOrder())
        {
            tally.Add(CouncilTally(council, state.BallotsOf(council), method));
        }

        return tally.ToShares(state.Election?.Id ?? string.Empty, method);
    }

    /// <summary>
    /// A council's tally over its declared wards, memoised on its view and reused while its ballot views are the same
    /// objects, so that the nation's is a sum of 150 councils' rather than of every ward. Not to be changed.
    /// </summary>
    internal static AggregateTally CouncilTally(CouncilView council, BallotView[] ballots, ShareMethod method)
    {
        var slots = CouncilTallies.GetValue(council, static _ => new CouncilMemo?[3]);
        var index = (int)method;
        if (Volatile.Read(ref slots[index]) is { } memo && SwingSample.Same(memo.Ballots, ballots))
        {
            return memo.Tally;
        }

        var tally = new AggregateTally();
        foreach (var ballot in ballots)
        {
            var ward = WardAnalysis.Of(ballot, method);
            if (ward.Now is { } now)
            {
                tally.Add(now, ward.Before);
            }
        }

        Volatile.Write(ref slots[index], new CouncilMemo(ballots, tally));
        return tally;
    }

    internal static WardShareChanges Compare(WardShares now, WardShares? before, ShareMethod method)
    {
        var changes = ImmutableArray.CreateBuilder<ShareChange>(now.Shares.Length + (before?.Shares.Length ?? 0));
        foreach (var share in now.Shares)
        {
            var then = before?.Find(share.Contestant.Id);
            changes.Add(new ShareChange
            {
                Contestant = share.Contestant,
                Method = method,
                Votes = share.Votes,
                Share = share.Share,
                ComparedShare = before is null ? null : share.Share,
                PreviousShare = then?.Share,
                Change = then is null ? null : share.Share - then.Share,
                Comparison = before is null ? ShareComparison.NotComparable : then is null ? ShareComparison.New : ShareComparison.Compared,
            });
        }

        foreach (var then in before?.Shares ?? [])
        {
            if (now.Find(then.Contestant.Id) is null)
            {
                changes.Add(new ShareChange { Contestant = then.Contestant, Method = method, PreviousShare = then.Share, Comparison = ShareComparison.NotStandingNow });
            }
        }

        return new WardShareChanges { BallotId = now.BallotId, Method = method, Comparable = before is not null, Changes = changes.DrainToImmutable() };
    }

    /// <summary>Sums wards' votes by party (independents grouped), now, now over the compared wards, and last time.</summary>
    internal sealed class AggregateTally
    {
        private readonly Dictionary<string, PartyTally> parties = new(StringComparer.Ordinal);
        private int wards;
        private int compared;
        private double total;
        private double comparedTotal;
        private double previousTotal;

        public void Add(WardShares now, WardShares? before)
        {
            wards++;
            total += now.Total;
            foreach (var share in now.Shares)
            {
                var party = For(share.Contestant.Party);
                party.Now += share.Votes;
                party.StoodNow = true;
            }

            if (before is null)
            {
                return;
            }

            compared++;
            comparedTotal += now.Total;
            previousTotal += before.Total;
            foreach (var share in now.Shares)
            {
                var party = For(share.Contestant.Party);
                party.ComparedNow += share.Votes;
                party.StoodComparedNow = true;
            }

            foreach (var share in before.Shares)
            {
                var party = For(share.Contestant.Party);
                party.Before += share.Votes;
                party.StoodBefore = true;
            }
        }

        /// <summary>Adds another tally's wards, e.g. a council's to the nation's.</summary>
        public void Add(AggregateTally other)
        {
            wards += other.wards;
            compared += other.compared;
            total += other.total;
            comparedTotal += other.comparedTotal;
            previousTotal += other.previousTotal;
            foreach (var theirs in other.parties.Values)
            {
                var party = For(theirs.Party);
                party.Now += theirs.Now;
                party.ComparedNow += theirs.ComparedNow;
                party.Before += theirs.Before;
                party.StoodNow |= theirs.StoodNow;
                party.StoodComparedNow |= theirs.StoodComparedNow;
                party.StoodBefore |= theirs.StoodBefore;
            }
        }

        public AggregateShares ToShares(string scope, ShareMethod method)
        {
            var lines = new List<ShareChange>(parties.Count);
            foreach (var party in parties.Values)
            {
                double? comparedShare = party.StoodComparedNow ? 100.0 * party.ComparedNow / comparedTotal : null;
                double? previousShare = party.StoodBefore ? 100.0 * party.Before / previousTotal : null;
                lines.Add(new ShareChange
                {
                    Contestant = Contestant.ForParty(party.Party),
                    Method = method,
                    Votes = party.StoodNow ? party.Now : null,
                    Share = party.StoodNow ? 100.0 * party.Now / total : null,
                    ComparedShare = comparedShare,
                    PreviousShare = previousShare,
                    Change = comparedShare - previousShare,
                    Comparison = (party.StoodComparedNow, party.StoodBefore) switch
                    {
                        (true, true) => ShareComparison.Compared,
                        (true, false) => ShareComparison.New,
                        (false, true) => ShareComparison.NotStandingNow,
                        _ => ShareComparison.NotComparable,
                    },
                });
            }

            lines.Sort(static (a, b) =>
                (b.Share ?? -1).CompareTo(a.Share ?? -1) is var order and not 0 ? order
                : (b.PreviousShare ?? -1).CompareTo(a.PreviousShare ?? -1) is var then and not 0 ? then
                : string.CompareOrdinal(a.Contestant.Name, b.Contestant.Name));
            return new AggregateShares { Scope = scope, Method = method, Wards = wards, WardsCompared = compared, Total = total, Parties = [.. lines] };
        }

        private PartyTally For(Party party)
        {
            if (!parties.TryGetValue(party.Id, out var tally))
            {
                tally = new PartyTally(party.Id == PartyCatalog.Independent.Id ? PartyCatalog.Independent : party);
                parties.Add(party.Id, tally);
            }

            return tally;
        }

        private sealed class PartyTally(Party party)
        {
            public Party Party => party;

            public double Now { get; set; }

            public double ComparedNow { get; set; }

            public double Before { get; set; }

            public bool StoodNow { get; set; }

            public bool StoodComparedNow { get; set; }

            public bool StoodBefore { get; set; }
        }
    }

    private sealed record CouncilMemo(BallotView[] Ballots, AggregateTally Tally);
}
