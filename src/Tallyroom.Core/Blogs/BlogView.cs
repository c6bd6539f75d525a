using System.Collections.Immutable;

namespace Tallyroom.Core.Blogs;

/// <summary>A live blog's timeline folded from the log: its posts (deleted ones kept), the pinned post and summary. Immutable.</summary>
public sealed record BlogView
{
    /// <summary>The blog's id, a slug.</summary>
    public required string Id { get; init; }

    /// <summary>Its title, e.g. "Local elections — as it happened".</summary>
    public required string Title { get; init; }

    /// <summary>Which automatic posts it writes.</summary>
    public required BlogSettings Settings { get; init; }

    /// <summary>When it was opened.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>The revision that opened it.</summary>
    public required long OpenedRevision { get; init; }

    /// <summary>The revision of the last event about this blog.</summary>
    public required long LastChangedRevision { get; init; }

    /// <summary>When it was closed; null while it is open.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>True once closed: an archive that takes no more posts.</summary>
    public bool Closed => ClosedAt is not null;

    /// <summary>Every post ever published, deleted ones included, by id.</summary>
    public ImmutableDictionary<string, PostView> Posts { get; init; } = ImmutableDictionary<string, PostView>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Post ids in the order they were published.</summary>
    public ImmutableList<string> PublicationOrder { get; init; } = [];

    /// <summary>The pinned post's id, if one is pinned.</summary>
    public string? PinnedPostId { get; init; }

    /// <summary>The summary box's Markdown; null when there is none.</summary>
    public string? SummaryMarkdown { get; init; }

    /// <summary>The summary box, rendered and sanitised; null when there is none.</summary>
    public string? SummaryHtml { get; init; }

    /// <summary>The posts readers see (not deleted), newest first.</summary>
    public IEnumerable<PostView> Visible
    {
        get
        {
            for (var i = PublicationOrder.Count - 1; i >= 0; i--)
            {
                var post = Posts[PublicationOrder[i]];
                if (!post.Deleted)
                {
                    yield return post;
                }
            }
        }
    }

    /// <summary>The key events readers see, newest first.</summary>
    public IEnumerable<PostView> KeyEvents => Visible.Where(p => p.KeyEvent);

    /// <summary>The pinned post, when one is pinned.</summary>
    public PostView? Pinned => PinnedPostId is { } id ? Posts[id] : null;
}
