using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>One contestant's share of a ward's vote by one method. Immutable.</summary>
/// <param name="Contestant">The party, or the independent candidate.</param>
/// <param name="Votes">Its votes by the method: its best candidate's, its average per candidate, or its total.</param>
/// <param name="Candidates">How many candidates it stood.</param>
/// <param name="Share">Its share in percentage points (0–100) of the method's total.</param>
public sealed record ContestantShare(Contestant Contestant, double Votes, int Candidates, double Share);

/// <summary>Every contestant's share of one ward's vote, at one election, by one method. Immutable.</summary>
public sealed record WardShares
{
    /// <summary>The ballot (this year's id, also for last time's shares).</summary>
    public required string BallotId { get; init; }

    /// <summary>How the shares were made.</summary>
    public required ShareMethod Method { get; init; }

    /// <summary>The method's total: every contestant's votes by the method, summed; the denominator of each share.</summary>
    public required double Total { get; init; }

    /// <summary>The contestants, highest share first.</summary>
    public required ImmutableArray<ContestantShare> Shares { get; init; }

    /// <summary>The contestant with this id (a party id, or an independent's <see cref="Contestant.Id"/>); null if it did not stand.</summary>
    public ContestantShare? Find(string contestantId)
    {
        foreach (var share in Shares)
        {
            if (share.Contestant.Id == contestantId)
            {
                return share;
            }
        }

        return null;
    }

    /// <summary>
    /// A party's votes by the method: its contestant's, or for <see cref="PartyCatalog.Independent"/> every
    /// independent's summed, as seat totals group them. Null when the party did not stand.
    /// </summary>
    public double? PartyVotes(string partyId)
    {
        double? votes = null;
        foreach (var share in Shares)
        {
            if (share.Contestant.Party.Id == partyId)
            {
                votes = (votes ?? 0) + share.Votes;
            }
        }

        return votes;
    }

    /// <summary>A party's share in points, as <see cref="PartyVotes"/> groups it; null when the party did not stand.</summary>
    public double? PartyShare(string partyId) => PartyVotes(partyId) is { } votes ? 100.0 * votes / Total : null;

    /// <summary>Shares of the candidates' votes; null when there are none, or every count is zero.</summary>
    internal static WardShares? Of(string ballotId, ReadOnlySpan<CandidateVotes> votes, ShareMethod method)
    {
        // A ward has a dozen candidates or so: arrays and a linear search beat a dictionary here.
        var keys = new string[votes.Length];
        var first = new int[votes.Length];
        var top = new long[votes.Length];
        var sum = new long[votes.Length];
        var count = new int[votes.Length];
        var contestants = 0;
        for (var i = 0; i < votes.Length; i++)
        {
            var key = Contestant.KeyOf(votes[i].Party, votes[i].Name);
            var j = Array.IndexOf(keys, key, 0, contestants);
            if (j < 0)
            {
                j = contestants++;
                keys[j] = key;
                first[j] = i;
            }

            top[j] = Math.Max(top[j], votes[i].Votes);
            sum[j] += votes[i].Votes;
            count[j]++;
        }

        var total = 0.0;
        var methodVotes = new double[contestants];
        for (var j = 0; j < contestants; j++)
        {
            methodVotes[j] = MethodVotes(method, top[j], sum[j], count[j]);
            total += methodVotes[j];
        }

        if (total <= 0)
        {
            return null;
        }

        var shares = new ContestantShare[contestants];
        for (var j = 0; j < contestants; j++)
        {
            var party = votes[first[j]].Party;
            var contestant = new Contestant(keys[j], keys[j] == party.Id ? party.Name : votes[first[j]].Name, party);
            shares[j] = new ContestantShare(contestant, methodVotes[j], count[j], 100.0 * methodVotes[j] / total);
        }

        Array.Sort(shares, static (a, b) => b.Share.CompareTo(a.Share) is var order and not 0 ? order : string.CompareOrdinal(a.Contestant.Name, b.Contestant.Name));
        return new WardShares { BallotId = ballotId, Method = method, Total = total, Shares = ImmutableCollectionsMarshal.AsImmutableArray(shares) };
    }

    private static double MethodVotes(ShareMethod method, long top, long sum, int count) => method switch
    {
        ShareMethod.TopVote => top,
        ShareMethod.AverageVote => (double)sum / count,
        ShareMethod.TotalVote => sum,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown share method."),
    };
}
