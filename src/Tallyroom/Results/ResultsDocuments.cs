using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;

namespace Tallyroom.Results;

/// <summary>
/// The published JSON shapes of results, shared by the CLI's <c>--json</c> and the HTTP API, so both say the same
/// thing. Field names are a public contract: add fields, never rename or remove them.
/// </summary>
internal static class ResultsDocuments
{
    public static ScoreboardDocument Scoreboard(ElectionState state)
    {
        var board = state.Scoreboard;
        return new ScoreboardDocument
        {
            Revision = state.Revision,
            Election = state.Election?.Id,
            Headline = ScoreboardText.Headline(board),
            CouncilsDeclared = board.CouncilsDeclared,
            CouncilsTotal = board.CouncilsTotal,
            Parties = [.. board.Ranked().Select(l => new ScoreboardPartyDocument
            {
                Party = l.Party.Name,
                PartyId = l.Party.Id,
                Councils = l.Councils,
                CouncilsChange = board.HasChanges ? l.CouncilsChange : null,
                Seats = l.Seats,
                SeatsChange = board.HasChanges ? l.SeatsChange : null,
            })],
            NoOverallControl = new NoOverallControlDocument { Councils = board.NoOverallControl, CouncilsChange = board.HasChanges ? board.NoOverallControlChange : null },
            CouncilsWithoutBaseline = board.CouncilsWithoutBaseline,
            SeatsNotComparable = board.SeatsNotComparable,
            Lines = ScoreboardText.Lines(board),
        };
    }

    public static CouncilDocument Council(ElectionState state, CouncilView council) => new()
    {
        Revision = state.Revision,
        Slug = council.Definition.Slug,
        Name = council.Definition.Name,
        GssCode = council.Definition.GssCode,
        Type = council.Definition.Type,
        Region = council.Definition.Region,
        TotalSeats = council.TotalSeats,
        SeatsUp = council.SeatsUp,
        Majority = council.Majority,
        Declared = council.Declared,
        Ballots = council.BallotIds.Length,
        BallotsDeclared = council.BallotsDeclared,
        BallotsPostponed = council.BallotsPostponed,
        SeatsDeclared = council.SeatsDeclared,
        SeatsPostponed = council.SeatsPostponed,
        SeatsWon = ByName(council.SeatsWon),
        Control = council.Control.Label,
        Composition = ByName(council.Composition),
        Continuing = ByName(council.Continuing),
        ControlBefore = council.ControlBefore?.Label,
        SeatsChange = council.SeatChanges.OrderByDescending(c => c.Change).ThenBy(c => c.Party.Name, StringComparer.Ordinal).ToDictionary(c => c.Party.Name, c => c.Change),
        SeatsNotComparable = council.SeatsNotComparable,
        Comparable = council.Comparable,
        Outcome = council.Outcome is { } outcome ? Outcome(council.Definition.Name, outcome) : null,
        SeatsUndeclared = council.SeatsUndeclared,
        CertainNoOverallControl = !council.Declared && council.Control.Kind == ControlKind.NoOverallControl,
        ControlCannotChange = council.ControlCannotChange,
        Prospects = [.. council.Prospects.Select(p => new ProspectDocument { Party = p.Party.Name, Seats = p.Seats, SeatsNeeded = p.SeatsNeeded, WonControl = p.WonControl, CannotWin = p.CannotWin })],
        BaselineSource = council.Baseline?.Source,
        BallotIds = [.. council.BallotIds],
    };

    /// <summary>Every council, optionally only the declared ones, those awaiting results, or those that changed hands.</summary>
    public static IReadOnlyList<CouncilSummaryDocument> Councils(ElectionState state, string? status) =>
    [
        .. state.Councils.Values
            .Where(c => status switch
            {
                "declared" => c.Declared,
                "awaiting" => !c.Declared,
                "changed" => c.Outcome is { Kind: OutcomeKind.Gain or OutcomeKind.LossToNoc },
                _ => true,
            })
            .OrderBy(c => c.Definition.Name, StringComparer.Ordinal)
            .Select(c => new CouncilSummaryDocument
            {
                Slug = c.Definition.Slug,
                Name = c.Definition.Name,
                Type = c.Definition.Type,
                Region = c.Definition.Region,
                TotalSeats = c.TotalSeats,
                SeatsUp = c.SeatsUp,
                Ballots = c.BallotIds.Length,
                BallotsDeclared = c.BallotsDeclared,
                Declared = c.Declared,
                Control = c.Control.Label,
                ControlBefore = c.ControlBefore?.Label,
                Outcome = c.Outcome is { } outcome ? Outcome(c.Definition.Name, outcome) : null,
                Composition = ByName(c.Composition),
            }),
    ];

    /// <summary>Every party with a candidate: candidates, seats won so far, councils controlled and changes.</summary>
    public static IReadOnlyList<PartyDocument> Parties(ElectionState state)
    {
        var candidates = state.Ballots.Values.SelectMany(b => b.Definition.Candidates).GroupBy(c => c.Party.Id).ToDictionary(g => g.Key, g => (g.First().Party, Count: g.Count()));
        var seats = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var council in state.Councils.Values)
        {
            foreach (var entry in council.SeatsWon.Entries)
            {
                seats[entry.Party.Id] = seats.GetValueOrDefault(entry.Party.Id) + entry.Seats;
            }
        }

        return
        [
            .. candidates.Values
                .Select(c => new PartyDocument
                {
                    Party = c.Party.Name,
                    PartyId = c.Party.Id,
                    Candidates = c.Count,
                    SeatsWon = seats.GetValueOrDefault(c.Party.Id),
                    CouncilsControlled = state.Scoreboard.ByParty.TryGetValue(c.Party.Id, out var line) ? line.Councils : 0,
                    SeatsChangeInDeclaredCouncils = state.Scoreboard.HasChanges && line is not null ? line.SeatsChange : null,
                })
                .OrderByDescending(p => p.SeatsWon).ThenByDescending(p => p.Candidates).ThenBy(p => p.Party, StringComparer.Ordinal),
        ];
    }

    public static OutcomeDocument Outcome(string councilName, CouncilOutcome outcome) => new()
    {
        Kind = outcome.Kind,
        Party = outcome.Party?.Name,
        From = outcome.From.Label!,
        Headline = CouncilOutcomeText.Sentence(councilName, outcome),
    };

    private static Dictionary<string, int> ByName(PartySeats seats) => seats.Ranked().ToDictionary(e => e.Party.Name, e => e.Seats);

    public static BallotDocument Ballot(ElectionState state, BallotView ballot)
    {
        var declaration = ballot.Declaration;
        var statistics = ballot.Statistics;
        var papers = declaration?.BallotPapers ?? statistics?.ValidBallotPapers;
        var rejected = declaration?.Rejected ?? statistics?.RejectedBallotPapers;
        var electorate = declaration?.Electorate ?? statistics?.Electorate;
        return new BallotDocument
        {
            Revision = state.Revision,
            BallotId = ballot.Definition.Id,
            Council = ballot.Definition.CouncilSlug,
            WardName = ballot.Definition.WardName,
            WardGssCode = ballot.Definition.WardGssCode,
            SeatsUp = ballot.Definition.SeatsUp,
            Status = ballot.Status,
            Candidates = [.. ballot.Definition.Candidates.Select(c => Candidate(c, declaration?.Results.FirstOrDefault(r => r.CandidateId == c.Id)))],
            BallotPapers = papers,
            Rejected = rejected,
            Electorate = electorate,
            Recounts = declaration?.Recounts,
            BallotBoxTurnout = Turnout.BallotBox(papers, rejected, electorate),
            Corrections = ballot.Corrections,
            CorrectionReason = ballot.Corrections > 0 ? declaration?.Reason : null,
            PostponedReason = ballot.PostponedReason,
            PublishedSeats = statistics?.PublishedSeats,
            Baseline = ballot.Baseline is { } baseline ? new BallotBaselineDocument
            {
                Kind = baseline.Kind,
                LastFought = baseline.LastFought,
                Defended = baseline.Defended.OrderByDescending(d => d.Seats).ToDictionary(d => d.Party.Name, d => d.Seats),
                Source = baseline.Source,
            }
            : null,
        };
    }

    private static CandidateDocument Candidate(Candidate candidate, Core.Declarations.CandidateResult? result) => new()
    {
        Id = candidate.Id,
        Name = candidate.Name,
        Party = candidate.Party.Name,
        PartyId = candidate.Party.Id,
        Votes = result?.Votes,
        Elected = result?.Elected,
        DecidedByLot = result?.DecidedByLot == true,
    };
}

internal sealed record ScoreboardDocument
{
    public required long Revision { get; init; }
    public required string? Election { get; init; }
    public required string Headline { get; init; }
    public required int CouncilsDeclared { get; init; }
    public required int CouncilsTotal { get; init; }
    public required IReadOnlyList<ScoreboardPartyDocument> Parties { get; init; }
    public required NoOverallControlDocument NoOverallControl { get; init; }
    public required int CouncilsWithoutBaseline { get; init; }
    public required int SeatsNotComparable { get; init; }
    public required IReadOnlyList<string> Lines { get; init; }
}

internal sealed record ScoreboardPartyDocument
{
    public required string Party { get; init; }
    public required string PartyId { get; init; }
    public required int Councils { get; init; }
    public required int? CouncilsChange { get; init; }
    public required int Seats { get; init; }
    public required int? SeatsChange { get; init; }
}

internal sealed record NoOverallControlDocument
{
    public required int Councils { get; init; }
    public required int? CouncilsChange { get; init; }
}

internal sealed record CouncilSummaryDocument
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required CouncilType Type { get; init; }
    public required string? Region { get; init; }
    public required int TotalSeats { get; init; }
    public required int SeatsUp { get; init; }
    public required int Ballots { get; init; }
    public required int BallotsDeclared { get; init; }
    public required bool Declared { get; init; }
    public required string? Control { get; init; }
    public required string? ControlBefore { get; init; }
    public required OutcomeDocument? Outcome { get; init; }
    public required IReadOnlyDictionary<string, int> Composition { get; init; }
}

internal sealed record PartyDocument
{
    public required string Party { get; init; }
    public required string PartyId { get; init; }
    public required int Candidates { get; init; }
    public required int SeatsWon { get; init; }
    public required int CouncilsControlled { get; init; }
    public required int? SeatsChangeInDeclaredCouncils { get; init; }
}

internal sealed record OutcomeDocument
{
    public required OutcomeKind Kind { get; init; }
    public required string? Party { get; init; }
    public required string From { get; init; }
    public required string Headline { get; init; }
}

internal sealed record ProspectDocument
{
    public required string Party { get; init; }
    public required int Seats { get; init; }
    public required int SeatsNeeded { get; init; }
    public required bool WonControl { get; init; }
    public required bool CannotWin { get; init; }
}

internal sealed record BallotBaselineDocument
{
    public required Core.Baselines.BaselineKind Kind { get; init; }
    public required DateOnly? LastFought { get; init; }
    public required IReadOnlyDictionary<string, int> Defended { get; init; }
    public required string Source { get; init; }
}

internal sealed record CouncilDocument
{
    public required long Revision { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string? GssCode { get; init; }
    public required CouncilType Type { get; init; }
    public required string? Region { get; init; }
    public required int TotalSeats { get; init; }
    public required int SeatsUp { get; init; }
    public required int Majority { get; init; }
    public required bool Declared { get; init; }
    public required int Ballots { get; init; }
    public required int BallotsDeclared { get; init; }
    public required int BallotsPostponed { get; init; }
    public required int SeatsDeclared { get; init; }
    public required int SeatsPostponed { get; init; }
    public required IReadOnlyDictionary<string, int> SeatsWon { get; init; }
    public required string? Control { get; init; }
    public required IReadOnlyDictionary<string, int> Composition { get; init; }
    public required IReadOnlyDictionary<string, int> Continuing { get; init; }
    public required string? ControlBefore { get; init; }
    public required IReadOnlyDictionary<string, int> SeatsChange { get; init; }
    public required int SeatsNotComparable { get; init; }
    public required bool Comparable { get; init; }
    public required OutcomeDocument? Outcome { get; init; }
    public required int SeatsUndeclared { get; init; }
    public required bool CertainNoOverallControl { get; init; }
    public required bool ControlCannotChange { get; init; }
    public required IReadOnlyList<ProspectDocument> Prospects { get; init; }
    public required string? BaselineSource { get; init; }
    public required IReadOnlyList<string> BallotIds { get; init; }
}

internal sealed record BallotDocument
{
    public required long Revision { get; init; }
    public required string BallotId { get; init; }
    public required string Council { get; init; }
    public required string WardName { get; init; }
    public required string? WardGssCode { get; init; }
    public required int SeatsUp { get; init; }
    public required BallotStatus Status { get; init; }
    public required IReadOnlyList<CandidateDocument> Candidates { get; init; }
    public required int? BallotPapers { get; init; }
    public required int? Rejected { get; init; }
    public required int? Electorate { get; init; }

    /// <summary>Recounts held before the declaration, when stated; null otherwise.</summary>
    public int? Recounts { get; init; }
    public required double? BallotBoxTurnout { get; init; }
    public required int Corrections { get; init; }
    public required string? CorrectionReason { get; init; }
    public required string? PostponedReason { get; init; }
    public required int? PublishedSeats { get; init; }
    public required BallotBaselineDocument? Baseline { get; init; }
}

internal sealed record CandidateDocument
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Party { get; init; }
    public required string PartyId { get; init; }
    public required int? Votes { get; init; }
    public required bool? Elected { get; init; }
    public required bool DecidedByLot { get; init; }
}
