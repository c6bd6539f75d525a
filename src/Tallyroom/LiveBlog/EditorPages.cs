using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tallyroom.Accounts;
using Tallyroom.Core.Blogs;
using Tallyroom.Core.Declarations;
using Tallyroom.Hosting;

namespace Tallyroom.LiveBlog;

/// <summary>
/// The editors' desk for live blogs: open a blog; compose, edit, delete, pin and mark posts; set the summary; switch
/// automatic posts; close the blog. Plain HTML forms that post back here, each carrying an antiforgery token, behind the
/// editor role. A refused form is shown again with what the editor typed and every refusal named.
/// </summary>
internal static class EditorPages
{
    public static RouteGroupBuilder MapEditorPages(this IEndpointRouteBuilder routes)
    {
        var editor = routes.MapGroup("/editor/blogs").WithTags("Pages").ExcludeFromDescription()
            .RequireAuthorization(Roles.Editor).RequireRateLimiting(WebHost.WritesPolicy);
        editor.MapGet("", Blogs).WithName("EditorBlogsPage");
        editor.MapPost("", Open).WithName("EditorOpenBlog");
        editor.MapGet("/{blogId}", Blog).WithName("EditorBlogPage");
        editor.MapPost("/{blogId}/posts", Publish).WithName("EditorPublishPost");
        editor.MapGet("/{blogId}/posts/{postId}", Post).WithName("EditorPostPage");
        editor.MapPost("/{blogId}/posts/{postId}", Edit).WithName("EditorEditPost");
        editor.MapPost("/{blogId}/posts/{postId}/delete", Delete).WithName("EditorDeletePost");
        editor.MapPost("/{blogId}/posts/{postId}/pin", Pin).WithName("EditorPinPost");
        editor.MapPost("/{blogId}/posts/{postId}/key-event", KeyEvent).WithName("EditorKeyEventPost");
        editor.MapPost("/{blogId}/summary", Summary).WithName("EditorSetSummary");
        editor.MapPost("/{blogId}/settings", Settings).WithName("EditorSetAutomaticPosts");
        editor.MapPost("/{blogId}/close", Close).WithName("EditorCloseBlog");
        return editor;
    }

    private static async Task<IResult> Blogs(HttpContext http, ElectionNode node)
    {
        await node.Started.ConfigureAwait(false);
        return Page<EditorBlogsPage>(http, new() { [nameof(EditorBlogsPage.State)] = node.Current });
    }

    private static async Task<IResult> Open(HttpContext http, ElectionNode node, BlogWriter writer, IFormCollection form, CancellationToken ct)
    {
        var (outcome, id) = await writer.OpenAsync(form["title"], null, ct).ConfigureAwait(false);
        return outcome is BlogWriter.Refused refused
            ? Page<EditorBlogsPage>(http, new() { [nameof(EditorBlogsPage.State)] = node.Current, [nameof(EditorBlogsPage.Problems)] = refused.Violations, [nameof(EditorBlogsPage.Title)] = form["title"].ToString() }, StatusCodes.Status400BadRequest)
            : TypedResults.Redirect(BlogLinks.Editor(id));
    }

    private static async Task<IResult> Blog(HttpContext http, ElectionNode node, string blogId)
    {
        await node.Started.ConfigureAwait(false);
        return node.Current.Blogs.TryGetValue(blogId, out var blog)
            ? BlogPage(http, node, blog, null, null)
            : NotFound($"There is no blog '{blogId}'.");
    }

    private static async Task<IResult> Post(HttpContext http, ElectionNode node, string blogId, string postId)
    {
        await node.Started.ConfigureAwait(false);
        if (!node.Current.Blogs.TryGetValue(blogId, out var blog) || !blog.Posts.TryGetValue(postId, out var post) || post.Deleted)
        {
            return NotFound($"There is no update '{postId}' to edit in blog '{blogId}'.");
        }

        return PostPage(http, node, blog, post, post.Content, null);
    }

    private static async Task<IResult> Publish(HttpContext http, ElectionNode node, BlogWriter writer, string blogId, IFormCollection form, CancellationToken ct)
    {
        await node.Started.ConfigureAwait(false);
        if (!node.Current.Blogs.ContainsKey(blogId))
        {
            return NotFound($"There is no blog '{blogId}'.");
        }

        var draft = Draft(form);
        var (outcome, _) = await writer.PublishAsync(blogId, draft, ct).ConfigureAwait(false);
        return outcome is BlogWriter.Refused refused
            ? BlogPage(http, node, node.Current.Blogs[blogId], draft, refused.Violations)
            : TypedResults.Redirect(BlogLinks.Editor(blogId));
    }

    private static async Task<IResult> Edit(HttpContext http, ElectionNode node, BlogWriter writer, string blogId, string postId, IFormCollection form, CancellationToken ct)
    {
        await node.Started.ConfigureAwait(false);
        if (!node.Current.Blogs.TryGetValue(blogId, out var blog) || !blog.Posts.TryGetValue(postId, out var post))
        {
            return NotFound($"There is no update '{postId}' in blog '{blogId}'.");
        }

        var draft = Draft(form);
        return await writer.EditAsync(blogId, postId, draft, ct).ConfigureAwait(false) is BlogWriter.Refused refused
            ? PostPage(http, node, blog, post, Typed(draft), refused.Violations)
            : TypedResults.Redirect(BlogLinks.Editor(blogId));
    }

    private static Task<IResult> Delete(HttpContext http, ElectionNode node, BlogWriter writer, string blogId, string postId, IFormCollection form, CancellationToken ct) =>
        Act(http, node, blogId, () => writer.DeleteAsync(blogId, postId, ct));

    private static Task<IResult> Pin(HttpContext http, ElectionNode node, BlogWriter writer, string blogId, string postId, IFormCollection form, CancellationToken ct) =>
        Act(http, node, blogId, () => writer.PinAsync(blogId, postId, form["pinned"] == "true", ct));

    private static Task<IResult> KeyEvent(HttpContext http, ElectionNode node, BlogWriter writer, string blogId, string postId, IFormCollection form, CancellationToken ct) =>
        Act(http, node, blogId, () => writer.KeyEventAsync(blogId, postId, form["keyEvent"] == "true", ct));

    private static Task<IResult> Summary(HttpContext http, ElectionNode node, BlogWriter writer, string blogId, IFormCollection form, CancellationToken ct) =>
        Act(http, node, blogId, () => writer.SummaryAsync(blogId, form["summary"], ct));

    private static Task<IResult> Settings(HttpContext http, ElectionNode node, BlogWriter writer, string blogId, IFormCollection form, CancellationToken ct)
    {
        var every = int.TryParse(form["stateOfPartiesEvery"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var settings = new BlogSettings
        {
            CouncilDeclared = form["councilDeclared"] == "true",
            ControlChanged = form["controlChanged"] == "true",
            StateOfParties = form["stateOfParties"] == "true",
            NotableWards = form["notableWards"] == "true",
            StateOfPartiesEvery = every,
        };
        return Act(http, node, blogId, () => writer.SettingsAsync(blogId, settings, ct));
    }

    private static Task<IResult> Close(HttpContext http, ElectionNode node, BlogWriter writer, string blogId, IFormCollection form, CancellationToken ct) =>
        Act(http, node, blogId, () => writer.CloseAsync(blogId, ct));

    private static async Task<IResult> Act(HttpContext http, ElectionNode node, string blogId, Func<Task<BlogWriter.Outcome>> write)
    {
        await node.Started.ConfigureAwait(false);
        if (!node.Current.Blogs.ContainsKey(blogId))
        {
            return NotFound($"There is no blog '{blogId}'.");
        }

        return await write().ConfigureAwait(false) is BlogWriter.Refused refused
            ? BlogPage(http, node, node.Current.Blogs[blogId], null, refused.Violations)
            : TypedResults.Redirect(BlogLinks.Editor(blogId));
    }

    private static RazorComponentResult<EditorBlogPage> BlogPage(HttpContext http, ElectionNode node, BlogView blog, PostDraft? draft, IReadOnlyList<RuleViolation>? problems) =>
        Page<EditorBlogPage>(http, new()
        {
            [nameof(EditorBlogPage.State)] = node.Current,
            [nameof(EditorBlogPage.Blog)] = blog,
            [nameof(EditorBlogPage.Draft)] = draft is null ? null : Typed(draft),
            [nameof(EditorBlogPage.Problems)] = problems ?? [],
        }, problems is { Count: > 0 } ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);

    private static RazorComponentResult<EditorPostPage> PostPage(HttpContext http, ElectionNode node, BlogView blog, PostView post, PostContent draft, IReadOnlyList<RuleViolation>? problems) =>
        Page<EditorPostPage>(http, new()
        {
            [nameof(EditorPostPage.State)] = node.Current,
            [nameof(EditorPostPage.Blog)] = blog,
            [nameof(EditorPostPage.Post)] = post,
            [nameof(EditorPostPage.Draft)] = draft,
            [nameof(EditorPostPage.Problems)] = problems ?? [],
        }, problems is { Count: > 0 } ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);

    private static PostDraft Draft(IFormCollection form) => new()
    {
        Headline = form["headline"],
        Markdown = form["markdown"],
        KeyEvent = form["keyEvent"] == "true",
        QuoteText = form["quoteText"],
        QuoteAttribution = form["quoteAttribution"],
    };

    // What the editor typed, unrendered, to show again in a refused form.
    private static PostContent Typed(PostDraft draft) => BlogWriter.Content("", draft) with { Markdown = draft.Markdown ?? "", Html = "" };

    // Editors see their own writes at once: nothing here may be cached.
    private static RazorComponentResult<TComponent> Page<TComponent>(HttpContext http, Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        http.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<TComponent>(parameters) { StatusCode = status };
    }

    private static RazorComponentResult<Results.Pages.NotFoundPage> NotFound(string detail) => Results.Pages.ResultsPages.NotFound("Not found", detail);
}
