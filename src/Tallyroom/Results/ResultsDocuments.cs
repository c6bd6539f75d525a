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
            Parties = [.. board.Ranked().Select(l => new ScoreboardPartyDocument { Party = l.Party.Name, PartyId = l.Party.Id, Councils = l.Councils, Seats = l.Seats })],
            NoOverallControl = new NoOverallControlDocument { Councils = board.NoOverallControl },
        };
    }

    public static CouncilDocument Council(ElectionState state, CouncilView council) => new()
    {
        Revision = state.Revision,
        Slug = council.Definition.Slug,
        Name = council.Definition.Name,
        GssCode = council.Definition.GssCode,
        Type = council.Definition.Type,
        TotalSeats = council.TotalSeats,
        SeatsUp = council.SeatsUp,
        Majority = council.Majority,
        Declared = council.Declared,
        Ballots = council.BallotIds.Length,
        BallotsDeclared = council.BallotsDeclared,
        BallotsPostponed = council.BallotsPostponed,
        SeatsDeclared = council.SeatsDeclared,
        SeatsPostponed = council.SeatsPostponed,
        SeatsWon = council.SeatsWon.Ranked().ToDictionary(e => e.Party.Name, e => e.Seats),
        Control = council.Control.Label,
        BallotIds = [.. council.BallotIds],
    };

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
            BallotBoxTurnout = Turnout.BallotBox(papers, rejected, electorate),
            Corrections = ballot.Corrections,
            CorrectionReason = ballot.Corrections > 0 ? declaration?.Reason : null,
            PostponedReason = ballot.PostponedReason,
            PublishedSeats = statistics?.PublishedSeats,
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
}

internal sealed record ScoreboardPartyDocument
{
    public required string Party { get; init; }
    public required string PartyId { get; init; }
    public required int Councils { get; init; }
    public required int Seats { get; init; }
}

internal sealed record NoOverallControlDocument
{
    public required int Councils { get; init; }
}

internal sealed record CouncilDocument
{
    public required long Revision { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string? GssCode { get; init; }
    public required CouncilType Type { get; init; }
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
    public required double? BallotBoxTurnout { get; init; }
    public required int Corrections { get; init; }
    public required string? CorrectionReason { get; init; }
    public required string? PostponedReason { get; init; }
    public required int? PublishedSeats { get; init; }
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
