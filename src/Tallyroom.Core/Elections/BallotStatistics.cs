namespace Tallyroom.Core.Elections;

/// <summary>
/// Official ward statistics published after the count (the Electoral Commission's ward sheets), merged onto a ballot.
/// Immutable. Counts are ballot papers, never votes.
/// </summary>
public sealed record BallotStatistics
{
    /// <summary>The ballot the figures are for.</summary>
    public required string BallotId { get; init; }

    /// <summary>The seats as the source publishes them (some sources give the ward's size, not the seats up).</summary>
    public int? PublishedSeats { get; init; }

    /// <summary>The electorate.</summary>
    public int? Electorate { get; init; }

    /// <summary>Valid ballot papers counted.</summary>
    public int? ValidBallotPapers { get; init; }

    /// <summary>Ballot papers rejected at the count.</summary>
    public int? RejectedBallotPapers { get; init; }

    /// <summary>Where the figures come from, e.g. "Electoral Commission".</summary>
    public required string Source { get; init; }
}
