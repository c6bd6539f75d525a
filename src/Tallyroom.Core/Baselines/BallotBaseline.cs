using System.Collections.Immutable;
using Tallyroom.Core.Counting;

namespace Tallyroom.Core.Baselines;

/// <summary>
/// What a ballot's seats were last time: the defended seats by party (the party that won each seat up when it was
/// last fought, ignoring by-elections and defections since) and, where the ward is comparable, the candidates'
/// results then. Immutable. A later baseline for the same ballot replaces an earlier one.
/// </summary>
public sealed record BallotBaseline
{
    /// <summary>The 2018 ballot this is the baseline of.</summary>
    public required string BallotId { get; init; }

    /// <summary>Actual, notional, or not comparable.</summary>
    public required BaselineKind Kind { get; init; }

    /// <summary>The polling day the seats were last fought; null when not comparable.</summary>
    public DateOnly? LastFought { get; init; }

    /// <summary>The defended seats by party; empty when not comparable. Totals the ballot's seats up.</summary>
    public ImmutableArray<PartyCount> Defended { get; init; } = [];

    /// <summary>The candidates' results when the seats were last fought; empty when not known.</summary>
    public ImmutableArray<PreviousCandidate> Previous { get; init; } = [];

    /// <summary>Where the baseline comes from, e.g. "LEAP 2014 (Andrew Teale), matched by ward code".</summary>
    public required string Source { get; init; }
}
