using System.Globalization;
using Tallyroom.Core.Counting;
using Tallyroom.Results.Pages;

namespace Tallyroom.LiveBlog;

/// <summary>A result card as drawn at one revision: what it is about, its headline and its lines of figures.</summary>
internal sealed record ResultCardView(string Code, string Kind, string Title, string? Href, string Headline, IReadOnlyList<string> Lines);

/// <summary>
/// Draws the result cards that posts embed from the results at the revision being served, so that a card shows the live
/// figures (corrections included) without an editor touching the post. Pure; thread-safe.
/// </summary>
internal static class ResultCards
{
    public static ResultCardView Draw(ElectionState state, CardReference card, long? at)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(card);
        return card.Kind switch
        {
            "council" when card.Key is { } slug && state.Councils.TryGetValue(slug, out var council) => Council(card, council, at),
            "ballot" when card.Key is { } id && state.Ballots.TryGetValue(id, out var ballot) => Ballot(state, card, ballot, at),
            "scoreboard" => Scoreboard(card, state.Scoreboard, at),
            "party-gains" when card.Key is { } partyId && NightFacts.FindParty(state, partyId) is { } party => PartyGains(state, card, party, at),
            _ => new(card.Code, card.Kind, "Result", null, "This result is not available.", []),
        };
    }

    private static ResultCardView Council(CardReference card, CouncilView council, long? at)
    {
        var name = council.Definition.Name;
        var headline = council.Outcome is { } outcome
            ? CouncilOutcomeText.Sentence(name, outcome)
            : council.Declared
                ? council.Control.Party is { } winner ? $"{ScoreboardText.DisplayName(winner)} win {name}" : $"No overall control in {name}"
                : $"Counting: {PageFormat.Number(council.BallotsDeclared)} of {PageFormat.Count(council.BallotIds.Length, "ward", "wards")} declared";
        var lines = new List<string>();
        if (council.Composition.Total > 0)
        {
            lines.Add(string.Join(", ", council.Composition.Ranked().Select(e => $"{Core.Blogs.AutomaticPosts.ShortName(e.Party)} {PageFormat.Number(e.Seats)}")));
        }

        lines.Add($"{PageFormat.Number(council.Majority)} of {PageFormat.Number(council.TotalSeats)} seats for a majority; control now: {council.Control.Label ?? "not yet decided"}");
        return new(card.Code, card.Kind, name, PageLinks.Council(council.Definition.Slug, at), headline, lines);
    }

    private static ResultCardView Ballot(ElectionState state, CardReference card, BallotView ballot, long? at)
    {
        var definition = ballot.Definition;
        var council = state.Councils[definition.CouncilSlug].Definition.Name;
        var headline = ballot.Status switch
        {
            BallotStatus.Awaiting => "Awaiting result",
            BallotStatus.Postponed => "Poll postponed",
            _ => WardChange.Of(ballot)?.Text ?? "Declared",
        };
        var lines = new List<string>();
        if (ballot.Declaration is { } declaration)
        {
            foreach (var line in declaration.Results.OrderByDescending(r => r.Votes ?? 0).ThenBy(r => r.CandidateId, StringComparer.Ordinal))
            {
                var candidate = definition.FindCandidate(line.CandidateId);
                var votes = line.Votes is { } v ? PageFormat.Number(v) : "unopposed";
                lines.Add($"{candidate?.Name} ({candidate?.Party.Name}) {votes}{(line.Elected ? ", elected" : "")}{(line.DecidedByLot ? " by lot" : "")}");
            }
        }

        return new(card.Code, card.Kind, $"{definition.WardName}, {council}", PageLinks.Ballot(definition.Id, at), headline, lines);
    }

    private static ResultCardView Scoreboard(CardReference card, Scoreboard board, long? at)
    {
        var lines = ScoreboardText.Lines(board);
        return new(card.Code, card.Kind, "The scoreboard", PageLinks.To("/", at), lines[0], [.. lines.Skip(1)]);
    }

    private static ResultCardView PartyGains(ElectionState state, CardReference card, Core.Parties.Party party, long? at)
    {
        var line = state.Scoreboard.ByParty.GetValueOrDefault(party.Id);
        var headline = line is null
            ? $"{ScoreboardText.DisplayName(party)}: no seats in declared councils yet"
            : string.Create(CultureInfo.InvariantCulture, $"{ScoreboardText.DisplayName(party)}: {PageFormat.Count(line.Councils, "council", "councils")} ({ScoreboardText.WithSign(line.CouncilsChange)}); {PageFormat.Count(line.Seats, "seat", "seats")} ({ScoreboardText.WithSign(line.SeatsChange)})");
        var gains = state.Councils.Values
            .Where(c => c.Outcome is { Kind: OutcomeKind.Gain } o && o.Party == party)
            .OrderBy(c => c.Definition.Name, StringComparer.Ordinal)
            .Select(c => CouncilOutcomeText.Sentence(c.Definition.Name, c.Outcome!))
            .ToList();
        return new(card.Code, card.Kind, $"{ScoreboardText.DisplayName(party)} gains", PageLinks.Party(party.Id, at), headline, gains.Count > 0 ? gains : ["No councils gained so far."]);
    }
}
