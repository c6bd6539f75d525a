using Tallyroom.Core.Counting;
using Tallyroom.Core.Parties;

namespace Tallyroom.Results.Pages;

/// <summary>
/// What pages need to know about the night beyond the views themselves: when a council finished declaring, which
/// councils declared last, and what a page's latest change was, in words. Each is a pass over one council's ballots or
/// over all of them (a few thousand), cheap next to rendering a page. Pure; thread-safe.
/// </summary>
internal static class NightFacts
{
    /// <summary>The revision at which the council's last ballot got its result (or was postponed); null while counting.</summary>
    public static long? CompletedAt(ElectionState state, CouncilView council)
    {
        if (!council.Declared)
        {
            return null;
        }

        long latest = 0;
        foreach (var id in council.BallotIds)
        {
            var ballot = state.Ballots[id];
            latest = Math.Max(latest, ballot.DeclaredAtRevision ?? ballot.LastChangedRevision);
        }

        return latest;
    }

    /// <summary>The revision of the council's latest first declaration of a ward; null before any.</summary>
    public static long? LastDeclaredAt(ElectionState state, CouncilView council) =>
        council.BallotIds.Select(id => state.Ballots[id].DeclaredAtRevision).Max();

    /// <summary>The councils that finished declaring most recently, latest first.</summary>
    public static IReadOnlyList<CouncilView> RecentlyDeclared(ElectionState state, int count) =>
    [
        .. state.Councils.Values.Where(c => c.Declared)
            .Select(c => (Council: c, At: CompletedAt(state, c)))
            .OrderByDescending(c => c.At).ThenBy(c => c.Council.Definition.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Council),
    ];

    /// <summary>A party standing in this election, by id; null when none of its candidates stands.</summary>
    public static Party? FindParty(ElectionState state, string partyId) =>
        state.Ballots.Values.SelectMany(b => b.Definition.Candidates).Select(c => c.Party).FirstOrDefault(p => p.Id == partyId);

    /// <summary>
    /// What a page about these ballots last saw happen, as the live region announces it: "Trafford updated: Labour
    /// gain" when the change completed a council, else "Trafford updated: Bowdon declared, Conservative hold".
    /// </summary>
    public static string? LatestUpdate(ElectionState state, IEnumerable<BallotView> ballots)
    {
        var latest = ballots.Where(b => b.HasResult || b.Status == BallotStatus.Postponed).MaxBy(b => b.LastChangedRevision);
        if (latest is null)
        {
            return null;
        }

        var council = state.Councils[latest.Definition.CouncilSlug];
        var name = council.Definition.Name;
        var corrected = latest.Corrections > 0 && latest.LastChangedRevision > latest.DeclaredAtRevision;
        if (council.Outcome is { } outcome && !corrected && latest.DeclaredAtRevision == CompletedAt(state, council))
        {
            return $"{name} updated: {OutcomeInBrief(outcome)}";
        }

        return $"{name} updated: {latest.Definition.WardName} {WardUpdate(latest)}";
    }

    /// <summary>What last happened to a ward: "declared, Labour gain from Conservative", "result corrected", ….</summary>
    public static string WardUpdate(BallotView ballot)
    {
        var what = ballot.Status switch
        {
            BallotStatus.Postponed => "poll postponed",
            _ when ballot.Corrections > 0 && ballot.LastChangedRevision > ballot.DeclaredAtRevision => "result corrected",
            BallotStatus.Uncontested => "elected unopposed",
            BallotStatus.Declared => "declared",
            _ => "updated",
        };
        return WardChange.Of(ballot) is { } change ? $"{what}, {change.Text}" : what;
    }

    /// <summary>"Labour gain", "Conservatives hold", "lost to no overall control", "no overall control, as before".</summary>
    public static string OutcomeInBrief(CouncilOutcome outcome) => outcome.Kind switch
    {
        OutcomeKind.Hold => ScoreboardText.DisplayName(outcome.Party!) + " hold",
        OutcomeKind.Gain => ScoreboardText.DisplayName(outcome.Party!) + " gain",
        OutcomeKind.LossToNoc => "lost to no overall control",
        _ => "no overall control, as before",
    };
}
