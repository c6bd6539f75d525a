using Tallyroom.Core.Blogs;
using Tallyroom.Core.Counting;

namespace Tallyroom.LiveBlog;

/// <summary>The JSON of the live blog API, built from a state; readers and the CLI see the same documents.</summary>
internal static class BlogDocuments
{
    public static BlogDocument Blog(BlogView blog) => new()
    {
        Id = blog.Id,
        Title = blog.Title,
        Open = !blog.Closed,
        OpenedAt = blog.OpenedAt,
        ClosedAt = blog.ClosedAt,
        Posts = blog.Visible.Count(),
        PinnedPostId = blog.Pinned?.Id,
        SummaryHtml = blog.SummaryHtml,
        Automatic = blog.Settings,
        Revision = blog.LastChangedRevision,
        Url = BlogLinks.Blog(blog.Id),
        Feed = BlogLinks.Feed(blog.Id),
    };

    public static IReadOnlyList<BlogDocument> Blogs(ElectionState state) =>
        [.. state.Blogs.Values.OrderBy(b => b.Closed).ThenByDescending(b => b.OpenedRevision).Select(Blog)];

    public static PostDocument Post(BlogView blog, PostView post) => new()
    {
        Id = post.Id,
        BlogId = blog.Id,
        PublishedAt = post.PublishedAt,
        UpdatedAt = post.Deleted ? post.DeletedAt : post.EditedAt,
        Headline = post.Deleted ? null : post.Content.Headline,
        Html = post.Deleted ? null : post.Content.Html,
        Markdown = post.Deleted ? null : post.Content.Markdown,
        Quote = post.Deleted ? null : post.Content.Quote,
        Cards = post.Deleted ? [] : [.. PostMarkup.Cards(post.Content.Html).Select(c => c.Code)],
        KeyEvent = !post.Deleted && post.KeyEvent,
        Pinned = blog.PinnedPostId == post.Id,
        Automatic = post.Automatic is not null,
        AutomaticKind = post.Automatic,
        Deleted = post.Deleted,
        Versions = post.History.Count + 1,
        Revision = post.LastChangedRevision,
        Url = BlogLinks.Post(blog.Id, post.Id),
    };

    /// <summary>
    /// The posts readers see, newest first; or, with <paramref name="since"/>, every post changed after that revision
    /// (deleted ones included, marked deleted, so that a client can take them down), oldest change first.
    /// </summary>
    public static PostsDocument Posts(ElectionState state, BlogView blog, long? since) => new()
    {
        BlogId = blog.Id,
        Revision = state.Revision,
        Since = since,
        Posts = since is { } after
            ? [.. blog.Posts.Values.Where(p => p.LastChangedRevision > after).OrderBy(p => p.LastChangedRevision).Select(p => Post(blog, p))]
            : [.. blog.Visible.Select(p => Post(blog, p))],
    };
}

internal sealed record BlogDocument
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required bool Open { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Posts readers see.</summary>
    public required int Posts { get; init; }

    public string? PinnedPostId { get; init; }

    public string? SummaryHtml { get; init; }

    /// <summary>Which automatic posts the blog writes.</summary>
    public required BlogSettings Automatic { get; init; }

    /// <summary>The revision of the last change to the blog.</summary>
    public required long Revision { get; init; }

    public required string Url { get; init; }

    public required string Feed { get; init; }
}

internal sealed record PostDocument
{
    public required string Id { get; init; }

    public required string BlogId { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>When it was last edited, or deleted.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    public string? Headline { get; init; }

    /// <summary>The sanitised HTML; result cards appear as their <c>[[code]]</c>, listed in <see cref="Cards"/>.</summary>
    public string? Html { get; init; }

    public string? Markdown { get; init; }

    public PostQuote? Quote { get; init; }

    public required IReadOnlyList<string> Cards { get; init; }

    public required bool KeyEvent { get; init; }

    public required bool Pinned { get; init; }

    public required bool Automatic { get; init; }

    public AutomaticKind? AutomaticKind { get; init; }

    public required bool Deleted { get; init; }

    /// <summary>How many versions the post has had (1 until it is edited).</summary>
    public required int Versions { get; init; }

    /// <summary>The revision of the last change to the post.</summary>
    public required long Revision { get; init; }

    public required string Url { get; init; }
}

internal sealed record PostsDocument
{
    public required string BlogId { get; init; }

    public required long Revision { get; init; }

    public long? Since { get; init; }

    public required IReadOnlyList<PostDocument> Posts { get; init; }
}

/// <summary>Addresses of the blog's pages.</summary>
internal static class BlogLinks
{
    public static string Blog(string blogId) => "/blogs/" + Uri.EscapeDataString(blogId);

    public static string Post(string blogId, string postId) => Blog(blogId) + "/posts/" + Uri.EscapeDataString(postId);

    public static string Feed(string blogId) => Blog(blogId) + "/feed.atom";

    public static string Editor(string blogId) => "/editor/blogs/" + Uri.EscapeDataString(blogId);
}
