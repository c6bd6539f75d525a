using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tallyroom.Accounts;
using Tallyroom.Core.Blogs;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Hosting;
using Tallyroom.Results;

namespace Tallyroom.LiveBlog;

/// <summary>
/// The live blog API: blogs and their posts for anyone (ETag = revision, <c>?at=</c>, <c>since=</c> for what changed),
/// and for editors (an editor's key or session) opening and closing blogs, publishing, editing, deleting, pinning and
/// marking key events. Refusals are problem details naming the field and the rule.
/// </summary>
internal static class LiveBlogApi
{
    public static RouteGroupBuilder MapLiveBlogApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/blogs").WithTags("Live blog");
        api.MapGet("", Blogs).WithName("GetBlogs").WithSummary("Every live blog, open ones first.");
        api.MapGet("/{blogId}", Blog).WithName("GetBlog").WithSummary("One live blog: title, open or closed, pinned post, summary, automatic posts.");
        api.MapGet("/{blogId}/posts", Posts).WithName("GetBlogPosts").WithSummary("The blog's posts, newest first; with since=REVISION, every post changed after it (deletions included).");

        var editors = api.MapGroup("").RequireAuthorization(Roles.Editor).RequireRateLimiting(WebHost.WritesPolicy);
        editors.MapPost("", Open).WithName("PostBlog").WithSummary("Open a blog (every automatic post switched on).")
            .Accepts<OpenBlogRequest>("application/json").ProducesValidationProblem();
        editors.MapPost("/{blogId}/posts", Publish).WithName("PostBlogPost").WithSummary("Publish a post: headline, Markdown body, key event, quote.")
            .Accepts<PostRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        editors.MapPut("/{blogId}/posts/{postId}", Edit).WithName("PutBlogPost").WithSummary("Edit a post; the previous version is kept in its history.")
            .Accepts<PostRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        editors.MapDelete("/{blogId}/posts/{postId}", Delete).WithName("DeleteBlogPost").WithSummary("Delete a post: readers no longer see it; the history keeps it.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        editors.MapPut("/{blogId}/posts/{postId}/pin", Pin).WithName("PinBlogPost").WithSummary("Pin a post above the others (replacing any pinned before).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        editors.MapDelete("/{blogId}/posts/{postId}/pin", Unpin).WithName("UnpinBlogPost").WithSummary("Unpin the pinned post.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        editors.MapPut("/{blogId}/posts/{postId}/key-event", KeyEvent).WithName("PutBlogPostKeyEvent").WithSummary("Mark or unmark a post as a key event.")
            .Accepts<KeyEventRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        editors.MapPut("/{blogId}/summary", Summary).WithName("PutBlogSummary").WithSummary("Set the summary box at the top of the blog (empty Markdown removes it).")
            .Accepts<SummaryRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        editors.MapPut("/{blogId}/settings", Settings).WithName("PutBlogSettings").WithSummary("Switch each kind of automatic post on or off, and set N for the State of parties.")
            .Accepts<BlogSettings>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        editors.MapPost("/{blogId}/close", Close).WithName("CloseBlog").WithSummary("Close the blog into a permanent archive.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> Blogs(HttpContext http, ElectionNode node, RevisionResponses responses, long? at, CancellationToken ct) =>
        await StateAt(node, at, ct).ConfigureAwait(false) is { } state
            ? responses.Json(http, "blogs", state, at is not null, BlogDocuments.Blogs)
            : OutsideTheLog(at!.Value, node);

    private static async Task<IResult> Blog(HttpContext http, ElectionNode node, RevisionResponses responses, string blogId, long? at, CancellationToken ct)
    {
        if (await StateAt(node, at, ct).ConfigureAwait(false) is not { } state)
        {
            return OutsideTheLog(at!.Value, node);
        }

        return state.Blogs.TryGetValue(blogId, out var blog)
            ? responses.Json(http, "blog/" + blogId, state, at is not null, _ => BlogDocuments.Blog(blog))
            : UnknownBlog(blogId);
    }

    private static async Task<IResult> Posts(HttpContext http, ElectionNode node, RevisionResponses responses, string blogId, long? at, long? since, CancellationToken ct)
    {
        if (since < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["since"] = ["since must be a revision, 0 or more."] });
        }

        if (await StateAt(node, at, ct).ConfigureAwait(false) is not { } state)
        {
            return OutsideTheLog(at!.Value, node);
        }

        return state.Blogs.TryGetValue(blogId, out var blog)
            ? responses.Json(http, string.Create(CultureInfo.InvariantCulture, $"blog/{blogId}/posts?since={since}"), state, at is not null, s => BlogDocuments.Posts(s, blog, since))
            : UnknownBlog(blogId);
    }

    private static async Task<IResult> Open(BlogWriter writer, [FromBody] OpenBlogRequest? request, CancellationToken ct)
    {
        var (outcome, id) = await writer.OpenAsync(request?.Title, null, ct).ConfigureAwait(false);
        return outcome switch
        {
            BlogWriter.Written written => TypedResults.Created(BlogLinks.Blog(id), BlogDocuments.Blog(written.State.Blogs[id])),
            BlogWriter.Refused refused => Refused(refused.Violations),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<IResult> Publish(ElectionNode node, BlogWriter writer, string blogId, [FromBody] PostRequest? request, CancellationToken ct)
    {
        await node.Started.ConfigureAwait(false);
        if (!node.Current.Blogs.ContainsKey(blogId))
        {
            return UnknownBlog(blogId);
        }

        var (outcome, postId) = await writer.PublishAsync(blogId, Draft(request), ct).ConfigureAwait(false);
        return outcome switch
        {
            BlogWriter.Written written => TypedResults.Created(BlogLinks.Post(blogId, postId), PostOf(written.State, blogId, postId)),
            BlogWriter.Refused refused => Refused(refused.Violations),
            _ => throw new InvalidOperationException(),
        };
    }

    private static Task<IResult> Edit(ElectionNode node, BlogWriter writer, string blogId, string postId, [FromBody] PostRequest? request, CancellationToken ct) =>
        OnPost(node, blogId, postId, () => writer.EditAsync(blogId, postId, Draft(request), ct), ok: true);

    private static Task<IResult> Delete(ElectionNode node, BlogWriter writer, string blogId, string postId, CancellationToken ct) =>
        OnPost(node, blogId, postId, () => writer.DeleteAsync(blogId, postId, ct), ok: false);

    private static Task<IResult> Pin(ElectionNode node, BlogWriter writer, string blogId, string postId, CancellationToken ct) =>
        OnPost(node, blogId, postId, () => writer.PinAsync(blogId, postId, pinned: true, ct), ok: true);

    private static Task<IResult> Unpin(ElectionNode node, BlogWriter writer, string blogId, string postId, CancellationToken ct) =>
        OnPost(node, blogId, postId, () => writer.PinAsync(blogId, postId, pinned: false, ct), ok: true);

    private static Task<IResult> KeyEvent(ElectionNode node, BlogWriter writer, string blogId, string postId, [FromBody] KeyEventRequest? request, CancellationToken ct) =>
        request?.KeyEvent is not { } keyEvent
            ? Task.FromResult<IResult>(Refused([new RuleViolation("key-event-required", "keyEvent", "Say whether the post is a key event: true or false.")]))
            : OnPost(node, blogId, postId, () => writer.KeyEventAsync(blogId, postId, keyEvent, ct), ok: true);

    private static Task<IResult> Summary(ElectionNode node, BlogWriter writer, string blogId, [FromBody] SummaryRequest? request, CancellationToken ct) =>
        OnBlog(node, blogId, () => writer.SummaryAsync(blogId, request?.Markdown, ct));

    private static Task<IResult> Settings(ElectionNode node, BlogWriter writer, string blogId, [FromBody] BlogSettings? settings, CancellationToken ct) =>
        settings is null
            ? Task.FromResult<IResult>(Refused([new RuleViolation("settings-required", "body", "Send the automatic post settings as JSON.")]))
            : OnBlog(node, blogId, () => writer.SettingsAsync(blogId, settings, ct));

    private static Task<IResult> Close(ElectionNode node, BlogWriter writer, string blogId, CancellationToken ct) =>
        OnBlog(node, blogId, () => writer.CloseAsync(blogId, ct));

    private static async Task<IResult> OnBlog(ElectionNode node, string blogId, Func<Task<BlogWriter.Outcome>> write)
    {
        await node.Started.ConfigureAwait(false);
        if (!node.Current.Blogs.ContainsKey(blogId))
        {
            return UnknownBlog(blogId);
        }

        return await write().ConfigureAwait(false) switch
        {
            BlogWriter.Written written => TypedResults.Ok(BlogDocuments.Blog(written.State.Blogs[blogId])),
            BlogWriter.Refused refused => Refused(refused.Violations),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<IResult> OnPost(ElectionNode node, string blogId, string postId, Func<Task<BlogWriter.Outcome>> write, bool ok)
    {
        await node.Started.ConfigureAwait(false);
        if (!node.Current.Blogs.TryGetValue(blogId, out var blog))
        {
            return UnknownBlog(blogId);
        }

        if (!blog.Posts.ContainsKey(postId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Blog '{blogId}' has no post '{postId}'.",
                extensions: new Dictionary<string, object?> { ["field"] = "postId", ["rule"] = "post-known" });
        }

        return await write().ConfigureAwait(false) switch
        {
            BlogWriter.Written written => ok ? TypedResults.Ok(PostOf(written.State, blogId, postId)) : TypedResults.NoContent(),
            BlogWriter.Refused refused => Refused(refused.Violations),
            _ => throw new InvalidOperationException(),
        };
    }

    private static PostDocument PostOf(ElectionState state, string blogId, string postId)
    {
        var blog = state.Blogs[blogId];
        return BlogDocuments.Post(blog, blog.Posts[postId]);
    }

    private static PostDraft Draft(PostRequest? request) => new()
    {
        Headline = request?.Headline,
        Markdown = request?.Markdown,
        KeyEvent = request?.KeyEvent ?? false,
        QuoteText = request?.Quote?.Text,
        QuoteAttribution = request?.Quote?.Attribution,
    };

    private static async Task<ElectionState?> StateAt(ElectionNode node, long? at, CancellationToken ct)
    {
        await node.Started.ConfigureAwait(false);
        return await node.StateAtAsync(at, ct).ConfigureAwait(false);
    }

    private static ProblemHttpResult OutsideTheLog(long at, ElectionNode node) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Revision outside the log",
        detail: string.Create(CultureInfo.InvariantCulture, $"at: revision {at} is outside the log, which runs from 0 to {node.Current.Revision}."),
        extensions: new Dictionary<string, object?> { ["field"] = "at", ["rule"] = "revision-in-log" });

    private static ProblemHttpResult UnknownBlog(string blogId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no blog '{blogId}'.",
        extensions: new Dictionary<string, object?> { ["field"] = "blogId", ["rule"] = "blog-known" });

    /// <summary>A refusal as application/problem+json: errors by field, and each broken rule by name.</summary>
    internal static ValidationProblem Refused(IReadOnlyList<RuleViolation> violations) => TypedResults.ValidationProblem(
        violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()),
        title: "The change breaks the live blog's rules",
        extensions: new Dictionary<string, object?> { ["rules"] = violations.Select(v => new { v.Rule, v.Field, v.Message }).ToList() });
}

/// <summary>Opens a blog.</summary>
internal sealed record OpenBlogRequest
{
    public string? Title { get; init; }
}

/// <summary>A post as an editor sends it.</summary>
internal sealed record PostRequest
{
    public string? Headline { get; init; }

    public string? Markdown { get; init; }

    public bool? KeyEvent { get; init; }

    public QuoteRequest? Quote { get; init; }
}

internal sealed record QuoteRequest
{
    public string? Text { get; init; }

    public string? Attribution { get; init; }
}

internal sealed record KeyEventRequest
{
    public bool? KeyEvent { get; init; }
}

internal sealed record SummaryRequest
{
    public string? Markdown { get; init; }
}
