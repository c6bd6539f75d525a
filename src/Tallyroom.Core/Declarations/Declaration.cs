using System.Collections.Immutable;

namespace Tallyroom.Core.Declarations;

/// <summary>A returning officer's declaration of one ballot's result, or a correction of it. Immutable.</summary>
public sealed record Declaration
{
    /// <summary>The ballot declared.</summary>
    public required string BallotId { get; init; }

    /// <summary>One line per candidate of the ballot.</summary>
    public required ImmutableArray<CandidateResult> Results { get; init; }

    /// <summary>Valid ballot papers counted (papers, not votes); null when not given or no poll.</summary>
    public int? BallotPapers { get; init; }

    /// <summary>Ballot papers rejected at the count; null when not given.</summary>
    public int? Rejected { get; init; }

    /// <summary>The electorate; null when not given.</summary>
    public int? Electorate { get; init; }

    /// <summary>How many recounts were held before this result was declared; null when not stated.</summary>
    public int? Recounts { get; init; }

    /// <summary>Why a declared result is being corrected; required for a correction, empty for a first declaration.</summary>
    public string? Reason { get; init; }
}
