using Tallyroom.Core.Elections;

namespace Tallyroom.Core.Declarations;

/// <summary>
/// The ballot rules of a declaration (DOMAIN.md, "Ballot rules"): who may be elected, with what votes, and when a
/// result may be replaced. Pure and thread-safe.
/// </summary>
public static class DeclarationRules
{
    /// <summary>
    /// Checks a declaration against its ballot. <paramref name="alreadyDeclared"/> says whether the ballot already has
    /// a declared result, which makes this one a correction. Returns every rule broken; empty when it may be recorded.
    /// </summary>
    public static IReadOnlyList<RuleViolation> Check(BallotDefinition ballot, Declaration declaration, bool alreadyDeclared)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        ArgumentNullException.ThrowIfNull(declaration);
        var problems = new List<RuleViolation>();
        var results = declaration.Results.IsDefault ? [] : declaration.Results;
        var uncontested = ballot.IsUncontested;

        if (alreadyDeclared && string.IsNullOrWhiteSpace(declaration.Reason))
        {
            problems.Add(new("correction-reason", "reason",
                $"Ballot {ballot.Id} is already declared; a correction must give a reason."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < results.Length; i++)
        {
            var line = results[i];
            var field = $"results[{Slug.Invariant(i)}]";
            if (ballot.FindCandidate(line.CandidateId) is null)
            {
                problems.Add(new("candidate-known", field + ".candidateId",
                    $"Candidate '{line.CandidateId}' does not stand in ballot {ballot.Id}."));
            }
            else if (!seen.Add(line.CandidateId))
            {
                problems.Add(new("candidate-once", field + ".candidateId",
                    $"Candidate '{line.CandidateId}' appears more than once."));
            }

            if (uncontested && line.Votes is not null)
            {
                problems.Add(new("uncontested-no-votes", field + ".votes",
                    "The ballot is uncontested (no more candidates than seats): there was no poll, so votes must be null."));
            }
            else if (!uncontested && line.Votes is null)
            {
                problems.Add(new("votes-required", field + ".votes",
                    "A contested ballot needs every candidate's votes."));
            }
            else if (line.Votes < 0)
            {
                problems.Add(new("votes-non-negative", field + ".votes", "Votes must be zero or more."));
            }
            else if (line.Votes > declaration.BallotPapers)
            {
                problems.Add(new("votes-within-papers", field + ".votes",
                    $"A candidate cannot have more votes ({Slug.Invariant(line.Votes.Value)}) than ballot papers counted ({Slug.Invariant(declaration.BallotPapers.Value)})."));
            }
        }

        foreach (var candidate in ballot.Candidates)
        {
            if (!seen.Contains(candidate.Id))
            {
                problems.Add(new("every-candidate", "results",
                    $"Candidate '{candidate.Id}' ({candidate.Name}) of ballot {ballot.Id} has no line in the declaration."));
            }
        }

        CheckWinners(ballot, results, problems);
        CheckPapers(declaration, uncontested, problems);
        return problems;
    }

    private static void CheckWinners(BallotDefinition ballot, IReadOnlyList<CandidateResult> results, List<RuleViolation> problems)
    {
        var expected = Math.Min(ballot.SeatsUp, ballot.Candidates.Length);
        var elected = results.Count(r => r.Elected);
        if (elected != expected)
        {
            problems.Add(new("winners-count", "results",
                $"Ballot {ballot.Id} has {Plural.Count(ballot.SeatsUp, "seat", "seats")} up and {Plural.Count(ballot.Candidates.Length, "candidate", "candidates")}, so exactly {Slug.Invariant(expected)} must be elected; the declaration elects {Slug.Invariant(elected)}."));
        }

        for (var i = 0; i < results.Count; i++)
        {
            var winner = results[i];
            if (!winner.Elected || winner.Votes is not { } winnerVotes)
            {
                continue;
            }

            for (var j = 0; j < results.Count; j++)
            {
                var loser = results[j];
                if (loser.Elected || loser.Votes is not { } loserVotes || winnerVotes > loserVotes)
                {
                    continue;
                }

                if (winnerVotes < loserVotes || !(winner.DecidedByLot || loser.DecidedByLot))
                {
                    problems.Add(new("winners-outpoll", $"results[{Slug.Invariant(i)}].elected",
                        $"Elected candidate '{winner.CandidateId}' ({Slug.Invariant(winnerVotes)} votes) does not outpoll non-elected candidate '{loser.CandidateId}' ({Slug.Invariant(loserVotes)} votes); only a tie decided by lot may elect the one over the other."));
                }
            }
        }

        for (var i = 0; i < results.Count; i++)
        {
            var line = results[i];
            if (line.DecidedByLot && !IsTiedAcrossTheLine(line, results))
            {
                problems.Add(new("lot-needs-tie", $"results[{Slug.Invariant(i)}].decidedByLot",
                    $"Candidate '{line.CandidateId}' is marked decided by lot, but no candidate on the other side of the line has the same votes."));
            }
        }
    }

    private static bool IsTiedAcrossTheLine(CandidateResult line, IReadOnlyList<CandidateResult> results) =>
        line.Votes is { } votes && results.Any(other => other.Elected != line.Elected && other.Votes == votes);

    private static void CheckPapers(Declaration declaration, bool uncontested, List<RuleViolation> problems)
    {
        CheckCount(declaration.BallotPapers, "ballotPapers", problems);
        CheckCount(declaration.Rejected, "rejected", problems);
        CheckCount(declaration.Electorate, "electorate", problems);
        CheckCount(declaration.Recounts, "recounts", problems);
        if (uncontested && (declaration.BallotPapers is not null || declaration.Rejected is not null))
        {
            problems.Add(new("uncontested-no-turnout", declaration.BallotPapers is not null ? "ballotPapers" : "rejected",
                "The ballot is uncontested: there was no poll, so there are no ballot papers."));
        }

        if (declaration is { BallotPapers: >= 0, Electorate: >= 0 }
            && (long)declaration.BallotPapers.Value + (declaration.Rejected ?? 0) > declaration.Electorate.Value)
        {
            problems.Add(new("papers-within-electorate", "ballotPapers",
                "Ballot papers counted (valid plus rejected) cannot exceed the electorate."));
        }
    }

    private static void CheckCount(int? value, string field, List<RuleViolation> problems)
    {
        if (value < 0)
        {
            problems.Add(new("count-non-negative", field, $"{field} must be zero or more."));
        }
    }
}
