using System.Text.Json.Serialization;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;

namespace Tallyroom.Core.Events;

/// <summary>
/// A fact of election night, as stored in the append-only log. Every view is folded from these. The type names
/// written to the log (<c>type</c>) are part of the storage format: never rename one, add a new event instead.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ElectionDefined), "election-defined")]
[JsonDerivedType(typeof(CouncilDefined), "council-defined")]
[JsonDerivedType(typeof(BallotDefined), "ballot-defined")]
[JsonDerivedType(typeof(BallotPostponed), "ballot-postponed")]
[JsonDerivedType(typeof(DeclarationRecorded), "declaration-recorded")]
[JsonDerivedType(typeof(BallotStatisticsRecorded), "ballot-statistics-recorded")]
[JsonDerivedType(typeof(BallotBaselineRecorded), "ballot-baseline-recorded")]
[JsonDerivedType(typeof(CouncilBaselineRecorded), "council-baseline-recorded")]
[JsonDerivedType(typeof(BlogOpened), "blog-opened")]
[JsonDerivedType(typeof(BlogClosed), "blog-closed")]
[JsonDerivedType(typeof(BlogSettingsChanged), "blog-settings-changed")]
[JsonDerivedType(typeof(BlogSummarySet), "blog-summary-set")]
[JsonDerivedType(typeof(PostPublished), "post-published")]
[JsonDerivedType(typeof(PostEdited), "post-edited")]
[JsonDerivedType(typeof(PostDeleted), "post-deleted")]
[JsonDerivedType(typeof(PostPinned), "post-pinned")]
[JsonDerivedType(typeof(PostUnpinned), "post-unpinned")]
[JsonDerivedType(typeof(PostKeyEventSet), "post-key-event-set")]
public abstract record ElectionEvent;

/// <summary>The election was defined (once per log).</summary>
public sealed record ElectionDefined(ElectionInfo Election) : ElectionEvent;

/// <summary>
/// A council taking part was defined, or (for a slug already defined) its definition amended: a later source may give
/// the official name, ONS code or size that an earlier one lacked. Its ballots and tallies are kept.
/// </summary>
public sealed record CouncilDefined(CouncilDefinition Council) : ElectionEvent;

/// <summary>A ballot (ward contest) with its candidates was defined.</summary>
public sealed record BallotDefined(BallotDefinition Ballot) : ElectionEvent;

/// <summary>A poll was countermanded (e.g. a candidate died); its seats stay in the council, undeclared.</summary>
public sealed record BallotPostponed(string BallotId, string Reason) : ElectionEvent;

/// <summary>A ballot was declared, or its declaration corrected (when the ballot was already declared).</summary>
public sealed record DeclarationRecorded(Declaration Declaration) : ElectionEvent
{
    /// <summary>
    /// The client's idempotency key for the request that made this write, when it gave one. Kept in the log so that a
    /// retried request is recognised after a restart too.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}

/// <summary>Official ward statistics were merged onto a ballot.</summary>
public sealed record BallotStatisticsRecorded(BallotStatistics Statistics) : ElectionEvent;

/// <summary>A ballot's baseline (defended seats, previous results) was recorded; it replaces any earlier one.</summary>
public sealed record BallotBaselineRecorded(Baselines.BallotBaseline Baseline) : ElectionEvent;

/// <summary>A council's eve-of-poll baseline (size, composition, control, continuing seats) was recorded; it replaces any earlier one.</summary>
public sealed record CouncilBaselineRecorded(Baselines.CouncilBaseline Baseline) : ElectionEvent;
