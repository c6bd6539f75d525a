namespace Tallyroom.Core.Declarations;

/// <summary>One candidate's line in a declaration. Immutable.</summary>
public sealed record CandidateResult
{
    /// <summary>The candidate, by id within the ballot.</summary>
    public required string CandidateId { get; init; }

    /// <summary>Votes; null when the ballot was uncontested (no poll).</summary>
    public int? Votes { get; init; }

    /// <summary>Whether the returning officer declared the candidate elected. Stored, never derived from rank.</summary>
    public bool Elected { get; init; }

    /// <summary>True when a tie for the last seat was decided by lot in this candidate's favour (or against them).</summary>
    public bool DecidedByLot { get; init; }
}
