using System.Collections.Immutable;

namespace Tallyroom.Core.Analysis;

/// <summary>Whether a share can be compared with last time, and if not, why.</summary>
public enum ShareComparison
{
    /// <summary>The contestant stood in both years: the change is defined.</summary>
    Compared,

    /// <summary>It did not stand last time: "new", never "+x".</summary>
    New,

    /// <summary>It stood last time but not this time: no change either.</summary>
    NotStandingNow,

    /// <summary>No comparable result last time (redrawn ward, no notional, or no votes): nothing to compare with.</summary>
    NotComparable,
}

/// <summary>
/// A contestant's share now and its change since the seats were last fought, by one method (the same method in both
/// years). Immutable. Shares are in percentage points (0–100); the change is in points.
/// </summary>
public sealed record ShareChange
{
    /// <summary>The party, or the independent candidate (in a ward), or all independents grouped (in an aggregate).</summary>
    public required Contestant Contestant { get; init; }

    /// <summary>How the shares were made.</summary>
    public required ShareMethod Method { get; init; }

    /// <summary>Its votes by the method at this election; null when it did not stand.</summary>
    public double? Votes { get; init; }

    /// <summary>Its share at this election; null when it did not stand.</summary>
    public double? Share { get; init; }

    /// <summary>
    /// Its share at this election over the wards compared with last time. In a ward it is <see cref="Share"/>; in an
    /// aggregate it leaves out declared wards with no comparable result, so that the change compares like with like.
    /// </summary>
    public double? ComparedShare { get; init; }

    /// <summary>Its share last time over the wards compared; null when it did not stand then, or nothing is comparable.</summary>
    public double? PreviousShare { get; init; }

    /// <summary><see cref="ComparedShare"/> minus <see cref="PreviousShare"/>; null unless <see cref="Comparison"/> is <see cref="ShareComparison.Compared"/>.</summary>
    public double? Change { get; init; }

    /// <summary>Whether the change is defined, and if not why.</summary>
    public required ShareComparison Comparison { get; init; }

    /// <summary>True when it did not stand last time ("new").</summary>
    public bool IsNew => Comparison == ShareComparison.New;
}

/// <summary>Every contestant's share of one ward's vote and its change since last time, by one method. Immutable.</summary>
public sealed record WardShareChanges
{
    /// <summary>The ballot.</summary>
    public required string BallotId { get; init; }

    /// <summary>How the shares were made.</summary>
    public required ShareMethod Method { get; init; }

    /// <summary>True when last time's votes are known on comparable boundaries, so changes are defined.</summary>
    public required bool Comparable { get; init; }

    /// <summary>Contestants standing now (highest share first), then those that stood only last time.</summary>
    public required ImmutableArray<ShareChange> Changes { get; init; }
}

/// <summary>
/// Parties' shares summed over many wards (a council, or the nation), by one method: a party's votes by the method
/// over the wards divided by the method's totals over the same wards. Independents are grouped. Immutable.
/// </summary>
public sealed record AggregateShares
{
    /// <summary>What the wards are: a council's slug, or the election's id for the nation.</summary>
    public required string Scope { get; init; }

    /// <summary>How the shares were made.</summary>
    public required ShareMethod Method { get; init; }

    /// <summary>Declared wards with votes: those <see cref="ShareChange.Share"/> is over.</summary>
    public required int Wards { get; init; }

    /// <summary>
    /// Declared wards with votes that also have last time's votes on comparable boundaries: those the changes are over.
    /// </summary>
    public required int WardsCompared { get; init; }

    /// <summary>Declared wards with votes but no comparable result last time: left out of every change, and counted here.</summary>
    public int WardsNotComparable => Wards - WardsCompared;

    /// <summary>The method's total over <see cref="Wards"/>.</summary>
    public required double Total { get; init; }

    /// <summary>The parties, highest share first, then those that stood only last time.</summary>
    public required ImmutableArray<ShareChange> Parties { get; init; }
}
