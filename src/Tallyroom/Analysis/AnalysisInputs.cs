using Tallyroom.Core;
using Tallyroom.Core.Analysis;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Analysis;

/// <summary>Reads what people type for an analysis (a party, a share method, a basis), for the CLI and the API alike.</summary>
internal static class AnalysisInputs
{
    public const string MethodChoices = "top, average, total";

    public const string BasisChoices = "previous, declared";

    /// <summary>top, average or total (the enum's own names are accepted too); null for anything else.</summary>
    public static ShareMethod? Method(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "top" or "topvote" or "top-vote" => ShareMethod.TopVote,
        "average" or "averagevote" or "average-vote" => ShareMethod.AverageVote,
        "total" or "totalvote" or "total-vote" => ShareMethod.TotalVote,
        _ => null,
    };

    /// <summary>previous (last time's shares for every seat) or declared (declared seats as declared); null for anything else.</summary>
    public static TargetBasis? Basis(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "previous" or "previouscontest" or "previous-contest" => TargetBasis.PreviousContest,
        "declared" or "declaredresults" or "declared-results" => TargetBasis.DeclaredResults,
        _ => null,
    };

    /// <summary>
    /// A party as a user types it: a canonical name or id (Labour, PP53, "Labour and Co-operative"), or any party of the
    /// election by its register id or name, looking first in the council. Null when nothing matches.
    /// </summary>
    public static Party? Party(ElectionState state, CouncilView council, string text)
    {
        var wanted = text.Trim();
        if (wanted.Length == 0)
        {
            return null;
        }

        if (PartyCatalog.FindCanonical(wanted) is { } canonical)
        {
            return canonical;
        }

        // Known aliases and register ids ("Labour Party", PP119 for Labour and Co-operative) resolve to a canonical party.
        foreach (var resolved in new[] { PartyCatalog.Resolve(null, wanted), PartyCatalog.Resolve(wanted, null) })
        {
            if (PartyCatalog.Canonical.Contains(resolved))
            {
                return resolved;
            }
        }

        var key = Slug.ForMatching(wanted);
        bool Matches(Party p) => string.Equals(p.Id, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase)
            || (key.Length > 0 && Slug.ForMatching(p.Name) == key);
        return CouncilParties(state, council).FirstOrDefault(Matches)
            ?? state.Ballots.Values.SelectMany(b => b.Definition.Candidates).Select(c => c.Party).FirstOrDefault(Matches);
    }

    /// <summary>True when the party has a candidate in one of the council's ballots.</summary>
    public static bool Stands(ElectionState state, CouncilView council, Party party) =>
        council.BallotIds.Any(id => state.Ballots[id].Definition.Candidates.Any(c => c.Party.Id == party.Id));

    /// <summary>Council slugs containing what was typed, for a "did you mean".</summary>
    public static string Suggest(string wanted, IEnumerable<string> known)
    {
        var close = known.Where(k => k.Contains(wanted, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).Take(5).ToList();
        return close.Count == 0 ? string.Empty : " Did you mean: " + string.Join(", ", close) + "?";
    }

    private static IEnumerable<Party> CouncilParties(ElectionState state, CouncilView council) =>
        council.BallotIds.SelectMany(id => state.Ballots[id].Definition.Candidates.Select(c => c.Party))
            .Concat(council.Continuing.Entries.Select(e => e.Party));
}
