using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Results;

namespace Tallyroom.Feeds;

/// <summary>
/// What one revision of the log changed, as readers are told it in the change feed and the push stream. Immutable.
/// </summary>
internal sealed record Change
{
    public required long Revision { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>
    /// <c>declaration</c>, <c>correction</c>, <c>postponement</c>, <c>statistics</c>, <c>ballot-defined</c>,
    /// <c>ballot-baseline</c>, <c>council-defined</c>, <c>council-baseline</c> or <c>election-defined</c>; for live blogs
    /// <c>blog-opened</c>, <c>blog-closed</c>, <c>blog-settings</c>, <c>blog-summary</c>, <c>post-published</c>,
    /// <c>post-edited</c>, <c>post-deleted</c>, <c>post-pinned</c>, <c>post-unpinned</c> or <c>post-key-event</c>.
    /// </summary>
    public required string Kind { get; init; }

    public string? BallotId { get; init; }

    /// <summary>For a live blog's change, the blog.</summary>
    public string? BlogId { get; init; }

    /// <summary>For a change to one post, the post.</summary>
    public string? PostId { get; init; }

    public string? Council { get; init; }

    /// <summary>For a correction, the reason given.</summary>
    public string? Reason { get; init; }

    /// <summary>True when this change completed the council's declaration.</summary>
    public bool CouncilDeclared { get; init; }

    /// <summary>The council's control after the change, when it changed: a party, "No overall control", or null.</summary>
    public string? ControlChangedTo { get; init; }

    /// <summary>The council's outcome after the change, when the council is declared and the outcome changed.</summary>
    public OutcomeDocument? Outcome { get; init; }

    public static Change Of(AppliedEvent applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        if (applied.Event is BlogEvent blog)
        {
            return OfBlog(applied, blog);
        }

        var (kind, ballotId, council, reason) = applied.Event switch
        {
            DeclarationRecorded d => (applied.Before.Ballots[d.Declaration.BallotId].HasResult ? "correction" : "declaration", d.Declaration.BallotId, CouncilOf(applied, d.Declaration.BallotId), d.Declaration.Reason),
            BallotPostponed p => ("postponement", p.BallotId, CouncilOf(applied, p.BallotId), p.Reason),
            BallotStatisticsRecorded s => ("statistics", s.Statistics.BallotId, CouncilOf(applied, s.Statistics.BallotId), null),
            BallotDefined b => ("ballot-defined", b.Ballot.Id, b.Ballot.CouncilSlug, null),
            BallotBaselineRecorded b => ("ballot-baseline", b.Baseline.BallotId, CouncilOf(applied, b.Baseline.BallotId), null),
            CouncilDefined c => ("council-defined", null, c.Council.Slug, null),
            CouncilBaselineRecorded c => ("council-baseline", null, c.Baseline.CouncilSlug, null),
            _ => ("election-defined", (string?)null, (string?)null, (string?)null),
        };
        var change = new Change { Revision = applied.Revision, RecordedAt = applied.RecordedAt, Kind = kind, BallotId = ballotId, Council = council, Reason = kind == "correction" ? reason : null };
        if (council is null || !applied.After.Councils.TryGetValue(council, out var after))
        {
            return change;
        }

        applied.Before.Councils.TryGetValue(council, out var before);
        var outcome = after.Outcome;
        return change with
        {
            CouncilDeclared = after.Declared && before is not { Declared: true },
            ControlChangedTo = before?.Control != after.Control ? after.Control.Label : null,
            Outcome = outcome is not null && (before?.Outcome != outcome) ? ResultsDocuments.Outcome(after.Definition.Name, outcome) : null,
        };
    }

    private static Change OfBlog(AppliedEvent applied, BlogEvent e)
    {
        var kind = e switch
        {
            BlogOpened => "blog-opened",
            BlogClosed => "blog-closed",
            BlogSettingsChanged => "blog-settings",
            BlogSummarySet => "blog-summary",
            PostPublished => "post-published",
            PostEdited => "post-edited",
            PostDeleted => "post-deleted",
            PostPinned => "post-pinned",
            PostUnpinned => "post-unpinned",
            PostKeyEventSet => "post-key-event",
            _ => "blog-changed",
        };
        string? postId = e switch
        {
            PostPublished p => p.Post.PostId,
            PostEdited p => p.Post.PostId,
            PostDeleted p => p.PostId,
            PostPinned p => p.PostId,
            PostUnpinned p => p.PostId,
            PostKeyEventSet p => p.PostId,
            _ => null,
        };
        return new Change { Revision = applied.Revision, RecordedAt = applied.RecordedAt, Kind = kind, BlogId = e.BlogId, PostId = postId };
    }

    private static string CouncilOf(AppliedEvent applied, string ballotId) => applied.After.Ballots[ballotId].Definition.CouncilSlug;
}
