using System.Collections.Immutable;

namespace Tallyroom.Core.Blogs;

/// <summary>A post as folded from the log: its current version, its earlier versions, and whether it is deleted. Immutable.</summary>
public sealed record PostView
{
    /// <summary>The version in force.</summary>
    public required PostContent Content { get; init; }

    /// <summary>Earlier versions, oldest first; empty until the post is edited.</summary>
    public ImmutableList<PostVersion> History { get; init; } = [];

    /// <summary>When it was first published.</summary>
    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>The revision that published it.</summary>
    public required long PublishedRevision { get; init; }

    /// <summary>When it was last edited; null if never.</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>The revision that wrote the version in force.</summary>
    public required long ContentRevision { get; init; }

    /// <summary>The revision of the last event that changed it (published, edited, deleted, key event).</summary>
    public required long LastChangedRevision { get; init; }

    /// <summary>True once deleted: hidden from readers, kept in the history.</summary>
    public bool Deleted { get; init; }

    /// <summary>When it was deleted.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>True when it is one of the night's key events.</summary>
    public bool KeyEvent { get; init; }

    /// <summary>The post's id within its blog.</summary>
    public string Id => Content.PostId;

    /// <summary>The kind of automatic post it was first published as; null for an editor's post.</summary>
    public AutomaticKind? Automatic => History.IsEmpty ? Content.Automatic : History[0].Content.Automatic;
}

/// <summary>A version a post had before an edit, with when and at which revision it was written. Immutable.</summary>
/// <param name="Content">The version.</param>
/// <param name="At">When it was written.</param>
/// <param name="Revision">The revision that wrote it.</param>
public sealed record PostVersion(PostContent Content, DateTimeOffset At, long Revision);
