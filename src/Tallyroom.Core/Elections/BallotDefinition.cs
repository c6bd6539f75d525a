using System.Collections.Immutable;

namespace Tallyroom.Core.Elections;

/// <summary>One contest: one ward at one election, with the seats up and the candidates. Immutable.</summary>
public sealed record BallotDefinition
{
    /// <summary>Democracy Club ballot id, e.g. <c>local.westminster.maida-vale.2018-05-03</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The slug of the council the ward belongs to.</summary>
    public required string CouncilSlug { get; init; }

    /// <summary>The ward's name.</summary>
    public required string WardName { get; init; }

    /// <summary>ONS ward code (E05…) valid at the election date, when known.</summary>
    public string? WardGssCode { get; init; }

    /// <summary>The number of seats up at this ballot, <c>S</c>.</summary>
    public required int SeatsUp { get; init; }

    /// <summary>The candidates, in ballot-paper order.</summary>
    public required ImmutableArray<Candidate> Candidates { get; init; }

    /// <summary>True when there are no more candidates than seats: they are elected without a poll.</summary>
    public bool IsUncontested => Candidates.Length <= SeatsUp;

    /// <summary>Finds a candidate by id; null if the candidate does not stand in this ballot.</summary>
    public Candidate? FindCandidate(string candidateId)
    {
        foreach (var candidate in Candidates)
        {
            if (candidate.Id == candidateId)
            {
                return candidate;
            }
        }

        return null;
    }
}
