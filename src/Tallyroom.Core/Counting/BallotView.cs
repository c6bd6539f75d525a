using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;

namespace Tallyroom.Core.Counting;

/// <summary>Where a ballot stands on the night.</summary>
public enum BallotStatus
{
    /// <summary>Not declared yet.</summary>
    Awaiting,

    /// <summary>Declared after a poll.</summary>
    Declared,

    /// <summary>Declared elected unopposed: no poll.</summary>
    Uncontested,

    /// <summary>The poll was countermanded; the seats stay undeclared.</summary>
    Postponed,
}

/// <summary>A ballot's state folded from the log. Immutable.</summary>
public sealed record BallotView
{
    /// <summary>The ballot and its candidates.</summary>
    public required BallotDefinition Definition { get; init; }

    /// <summary>Where it stands.</summary>
    public BallotStatus Status { get; init; }

    /// <summary>The declaration in force (the latest correction), if any.</summary>
    public Declaration? Declaration { get; init; }

    /// <summary>How many times the declaration was corrected after it was first recorded.</summary>
    public int Corrections { get; init; }

    /// <summary>The revision at which it was first declared.</summary>
    public long? DeclaredAtRevision { get; init; }

    /// <summary>The revision of the last event that changed this ballot.</summary>
    public long LastChangedRevision { get; init; }

    /// <summary>Official statistics merged on, if any.</summary>
    public BallotStatistics? Statistics { get; init; }

    /// <summary>Why the poll was postponed, when it was.</summary>
    public string? PostponedReason { get; init; }

    /// <summary>What the seats were last time (defended seats, previous results), when a baseline was recorded.</summary>
    public Baselines.BallotBaseline? Baseline { get; init; }

    /// <summary>Seats won, by party; empty until declared.</summary>
    public PartySeats SeatsWon { get; init; } = PartySeats.Empty;

    /// <summary>True once a result is in (declared or uncontested).</summary>
    public bool HasResult => Status is BallotStatus.Declared or BallotStatus.Uncontested;
}
