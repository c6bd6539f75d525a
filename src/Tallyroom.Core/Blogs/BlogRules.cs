using System.Collections.Immutable;
using System.Globalization;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Events;

namespace Tallyroom.Core.Blogs;

/// <summary>
/// The rules of live blogs and how their events fold into <see cref="BlogView"/>s: posts go to a known, open blog; a
/// post id is used once (deleted posts keep theirs); a post has a body; only a live post is edited, pinned or deleted.
/// Pure and thread-safe.
/// </summary>
public static class BlogRules
{
    /// <summary>The longest title a blog may have, in characters.</summary>
    public const int MaxTitle = 200;

    /// <summary>The longest headline a post may have, in characters.</summary>
    public const int MaxHeadline = 300;

    /// <summary>The longest Markdown body a post (or summary) may have, in characters.</summary>
    public const int MaxMarkdown = 20_000;

    /// <summary>The longest quote or attribution, in characters.</summary>
    public const int MaxQuote = 2_000;

    /// <summary>Lists every rule the event breaks against the blogs as they stand; empty when it may be applied.</summary>
    public static IReadOnlyList<RuleViolation> Check(ImmutableDictionary<string, BlogView> blogs, BlogEvent e)
    {
        ArgumentNullException.ThrowIfNull(blogs);
        ArgumentNullException.ThrowIfNull(e);
        if (e is BlogOpened opened)
        {
            return CheckOpened(blogs, opened);
        }

        if (!blogs.TryGetValue(e.BlogId, out var blog))
        {
            return [new("blog-known", "blogId", $"There is no blog '{e.BlogId}'.")];
        }

        if (blog.Closed)
        {
            return [new("blog-open", "blogId", $"Blog '{e.BlogId}' is closed: it is an archive and takes no more changes.")];
        }

        return e switch
        {
            BlogClosed => [],
            BlogSettingsChanged s => CheckSettings(s.Settings),
            BlogSummarySet s => s.Markdown.Length > MaxMarkdown ? [TooLong("markdown", MaxMarkdown)] : [],
            PostPublished p => CheckPublished(blog, p.Post),
            PostEdited p => CheckLive(blog, p.Post.PostId) is { } problem ? [problem] : CheckContent(p.Post),
            PostDeleted p => CheckLive(blog, p.PostId) is { } problem ? [problem] : [],
            PostPinned p => CheckLive(blog, p.PostId) is { } problem ? [problem] : [],
            PostUnpinned p => blog.PinnedPostId == p.PostId ? [] : [new("post-pinned", "postId", $"Post '{p.PostId}' is not the pinned post.")],
            PostKeyEventSet p => CheckLive(blog, p.PostId) is { } problem ? [problem] : [],
            _ => [new("event-known", "type", $"Unknown blog event {e.GetType().Name}.")],
        };
    }

    /// <summary>Folds one blog event, which must have passed <see cref="Check"/>, as the given revision.</summary>
    public static ImmutableDictionary<string, BlogView> Apply(ImmutableDictionary<string, BlogView> blogs, BlogEvent e, long revision)
    {
        ArgumentNullException.ThrowIfNull(blogs);
        ArgumentNullException.ThrowIfNull(e);
        if (e is BlogOpened opened)
        {
            return blogs.Add(opened.BlogId, new BlogView
            {
                Id = opened.BlogId,
                Title = opened.Title.Trim(),
                Settings = opened.Settings,
                OpenedAt = opened.At,
                OpenedRevision = revision,
                LastChangedRevision = revision,
            });
        }

        var blog = blogs[e.BlogId];
        var next = e switch
        {
            BlogClosed c => blog with { ClosedAt = c.At },
            BlogSettingsChanged s => blog with { Settings = s.Settings },
            BlogSummarySet s => string.IsNullOrWhiteSpace(s.Markdown)
                ? blog with { SummaryMarkdown = null, SummaryHtml = null }
                : blog with { SummaryMarkdown = s.Markdown, SummaryHtml = s.Html },
            PostPublished p => blog with
            {
                Posts = blog.Posts.Add(p.Post.PostId, new PostView
                {
                    Content = p.Post,
                    PublishedAt = p.At,
                    PublishedRevision = revision,
                    ContentRevision = revision,
                    LastChangedRevision = revision,
                    KeyEvent = p.Post.KeyEvent,
                }),
                PublicationOrder = blog.PublicationOrder.Add(p.Post.PostId),
            },
            PostEdited p => WithPost(blog, p.Post.PostId, post => post with
            {
                History = post.History.Add(new PostVersion(post.Content, post.EditedAt ?? post.PublishedAt, post.ContentRevision)),
                Content = p.Post,
                EditedAt = p.At,
                ContentRevision = revision,
                KeyEvent = p.Post.KeyEvent,
                LastChangedRevision = revision,
            }),
            PostDeleted p => Unpinned(WithPost(blog, p.PostId, post => post with { Deleted = true, DeletedAt = p.At, LastChangedRevision = revision }), p.PostId),
            PostPinned p => blog with { PinnedPostId = p.PostId },
            PostUnpinned => blog with { PinnedPostId = null },
            PostKeyEventSet p => WithPost(blog, p.PostId, post => post with { KeyEvent = p.KeyEvent, LastChangedRevision = revision }),
            _ => throw new InvalidOperationException($"Unknown blog event {e.GetType().Name}."),
        };
        return blogs.SetItem(e.BlogId, next with { LastChangedRevision = revision });
    }

    // A deleted post cannot stay pinned above the others.
    private static BlogView Unpinned(BlogView blog, string postId) => blog.PinnedPostId == postId ? blog with { PinnedPostId = null } : blog;

    private static BlogView WithPost(BlogView blog, string postId, Func<PostView, PostView> change) =>
        blog with { Posts = blog.Posts.SetItem(postId, change(blog.Posts[postId])) };

    private static List<RuleViolation> CheckOpened(ImmutableDictionary<string, BlogView> blogs, BlogOpened e)
    {
        var problems = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(e.BlogId) || e.BlogId != Slug.Make(e.BlogId) || e.BlogId.Length > 100)
        {
            problems.Add(new("blog-id-form", "blogId", $"'{e.BlogId}' is not a blog id (a slug of at most 100 lower-case letters, digits and single hyphens)."));
        }
        else if (blogs.ContainsKey(e.BlogId))
        {
            problems.Add(new("blog-id-unique", "blogId", $"There is already a blog '{e.BlogId}'."));
        }

        if (string.IsNullOrWhiteSpace(e.Title))
        {
            problems.Add(new("title-required", "title", "A blog needs a title."));
        }
        else if (e.Title.Length > MaxTitle)
        {
            problems.Add(TooLong("title", MaxTitle));
        }

        problems.AddRange(CheckSettings(e.Settings));
        return problems;
    }

    private static List<RuleViolation> CheckSettings(BlogSettings settings) => settings.StateOfPartiesEvery < 1
        ? [new("every-positive", "stateOfPartiesEvery", "The State of parties is posted every N declared councils; N must be at least 1.")]
        : [];

    private static List<RuleViolation> CheckPublished(BlogView blog, PostContent post)
    {
        var problems = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(post.PostId) || post.PostId != Slug.Make(post.PostId) || post.PostId.Length > 100)
        {
            problems.Add(new("post-id-form", "postId", $"'{post.PostId}' is not a post id (a slug of at most 100 lower-case letters, digits and single hyphens)."));
        }
        else if (blog.Posts.ContainsKey(post.PostId))
        {
            problems.Add(new("post-id-unique", "postId", $"Blog '{blog.Id}' already has a post '{post.PostId}'."));
        }

        problems.AddRange(CheckContent(post));
        return problems;
    }

    private static List<RuleViolation> CheckContent(PostContent post)
    {
        var problems = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(post.Markdown) || string.IsNullOrWhiteSpace(post.Html))
        {
            problems.Add(new("body-required", "markdown", "A post needs a body."));
        }
        else if (post.Markdown.Length > MaxMarkdown)
        {
            problems.Add(TooLong("markdown", MaxMarkdown));
        }

        if (post.Headline is { } headline && headline.Length > MaxHeadline)
        {
            problems.Add(TooLong("headline", MaxHeadline));
        }

        if (post.Quote is { } quote)
        {
            if (string.IsNullOrWhiteSpace(quote.Text))
            {
                problems.Add(new("quote-text-required", "quote.text", "A quote needs the words said."));
            }
            else if (quote.Text.Length > MaxQuote)
            {
                problems.Add(TooLong("quote.text", MaxQuote));
            }

            if (string.IsNullOrWhiteSpace(quote.Attribution))
            {
                problems.Add(new("quote-attribution-required", "quote.attribution", "A quote needs an attribution: who said it."));
            }
            else if (quote.Attribution.Length > MaxQuote)
            {
                problems.Add(TooLong("quote.attribution", MaxQuote));
            }
        }

        return problems;
    }

    private static RuleViolation? CheckLive(BlogView blog, string postId)
    {
        if (!blog.Posts.TryGetValue(postId, out var post))
        {
            return new("post-known", "postId", $"Blog '{blog.Id}' has no post '{postId}'.");
        }

        return post.Deleted ? new("post-not-deleted", "postId", $"Post '{postId}' was deleted.") : null;
    }

    private static RuleViolation TooLong(string field, int limit) =>
        new("length-limit", field, string.Create(CultureInfo.InvariantCulture, $"{field} must be at most {limit} characters."));
}
