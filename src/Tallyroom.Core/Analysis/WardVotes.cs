using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Analysis;

/// <summary>One candidate's votes, from a declaration or from the previous contest.</summary>
internal readonly record struct CandidateVotes(Party Party, string Name, int Votes, bool Elected);

/// <summary>Reads the votes that shares are made of, now and last time.</summary>
internal static class WardVotes
{
    /// <summary>The declared votes; null until the ballot is declared after a poll (an uncontested ballot has none).</summary>
    public static CandidateVotes[]? Declared(BallotView ballot)
    {
        if (ballot.Status != BallotStatus.Declared || ballot.Declaration is not { } declaration)
        {
            return null;
        }

        var votes = new List<CandidateVotes>(declaration.Results.Length);
        foreach (var result in declaration.Results)
        {
            if (result.Votes is { } count && ballot.Definition.FindCandidate(result.CandidateId) is { } candidate)
            {
                votes.Add(new CandidateVotes(candidate.Party, candidate.Name, count, result.Elected));
            }
        }

        return votes.Count == 0 ? null : [.. votes];
    }

    /// <summary>
    /// The votes when the seats were last fought; null when the baseline is missing or not comparable, or gives no
    /// votes (the ward was uncontested then, or only its defended seats were supplied).
    /// </summary>
    public static CandidateVotes[]? Previous(BallotBaseline? baseline)
    {
        if (baseline is not { Kind: not BaselineKind.NotComparable } || baseline.Previous.IsDefaultOrEmpty)
        {
            return null;
        }

        var votes = new List<CandidateVotes>(baseline.Previous.Length);
        foreach (var candidate in baseline.Previous)
        {
            if (candidate.Votes is { } count)
            {
                votes.Add(new CandidateVotes(candidate.Party, candidate.Name, count, candidate.Elected));
            }
        }

        return votes.Count == 0 ? null : [.. votes];
    }

    /// <summary>True when the ballot has a comparable baseline (actual or notional), with or without votes.</summary>
    public static bool Comparable(BallotView ballot) => ballot.Baseline is { Kind: not BaselineKind.NotComparable };
}
