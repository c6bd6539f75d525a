using System.Runtime.CompilerServices;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>
/// What analysis needs from one ward by one method: its shares now and last time, and last time's candidates as
/// shares for seat models. Memoised on the ward's <see cref="BallotView"/>, which is immutable and replaced whenever
/// the ward changes, so after a declaration only that ward is worked out again. Thread-safe.
/// </summary>
internal sealed class WardAnalysis
{
    private static readonly ConditionalWeakTable<BallotView, WardAnalysis?[]> Memo = [];

    private WardAnalysis(BallotView ballot, ShareMethod method)
    {
        Ballot = ballot;
        Comparable = WardVotes.Comparable(ballot);
        Now = WardVotes.Declared(ballot) is { } now ? WardShares.Of(ballot.Definition.Id, now, method) : null;
        if (WardVotes.Previous(ballot.Baseline) is { } before && WardShares.Of(ballot.Definition.Id, before, method) is { } shares)
        {
            Before = shares;
            Array.Sort(before, static (a, b) => b.Votes.CompareTo(a.Votes) is var order and not 0 ? order
                : b.Elected.CompareTo(a.Elected) is var elected and not 0 ? elected
                : string.CompareOrdinal(a.Name, b.Name));
            var parties = new Party[before.Length];
            var candidateShares = new double[before.Length];
            for (var i = 0; i < before.Length; i++)
            {
                parties[i] = before[i].Party;
                candidateShares[i] = 100.0 * before[i].Votes / shares.Total;
            }

            CandidateParties = parties;
            CandidateShares = candidateShares;
        }
    }

    public BallotView Ballot { get; }

    public int Seats => Ballot.Definition.SeatsUp;

    /// <summary>True when the baseline is actual or notional (with or without votes).</summary>
    public bool Comparable { get; }

    /// <summary>The shares now; null until declared after a poll.</summary>
    public WardShares? Now { get; }

    /// <summary>The shares last time; null without comparable votes.</summary>
    public WardShares? Before { get; }

    /// <summary>Last time's candidates' parties, highest share first (the elected first among equals); null without votes.</summary>
    public Party[]? CandidateParties { get; }

    /// <summary>Each of those candidates' votes over the method's total last time, in points.</summary>
    public double[]? CandidateShares { get; }

    public static WardAnalysis Of(BallotView ballot, ShareMethod method)
    {
        var byMethod = Memo.GetValue(ballot, static _ => new WardAnalysis?[3]);
        var index = (int)method;
        return Volatile.Read(ref byMethod[index]) ?? Interlocked.CompareExchange(ref byMethod[index], new WardAnalysis(ballot, method), null) ?? byMethod[index]!;
    }

    /// <summary>Candidates of the party standing now.</summary>
    public int Standing(string partyId)
    {
        var count = 0;
        foreach (var candidate in Ballot.Definition.Candidates)
        {
            if (candidate.Party.Id == partyId)
            {
                count++;
            }
        }

        return count;
    }
}
