using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tallyroom.Core.Counting;
using Tallyroom.Hosting;
using Tallyroom.Results;
using Tallyroom.Results.Pages;

namespace Tallyroom.LiveBlog;

/// <summary>
/// The live blog for readers: the list of blogs, a blog, a post's permalink and the blog's Atom feed. Rendered on the
/// server like the results pages, with the revision as ETag and <c>?at=</c> for the blog as it stood then.
/// </summary>
internal static class BlogPages
{
    public static RouteGroupBuilder MapBlogPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/blogs").WithTags("Pages").ExcludeFromDescription();
        pages.MapGet("", Blogs).WithName("BlogsPage");
        pages.MapGet("/{blogId}", Blog).WithName("BlogPage");
        pages.MapGet("/{blogId}/posts/{postId}", Post).WithName("BlogPostPage");
        pages.MapGet("/{blogId}/feed.atom", Feed).WithName("BlogFeed");
        return pages;
    }

    private static async Task<IResult> Blogs(HttpContext http, ElectionNode node, IOptions<TallyroomOptions> options, long? at, CancellationToken ct) =>
        await StateAt(node, at, ct).ConfigureAwait(false) is { } state
            ? ResultsPages.Page<BlogsPage>(http, options, state, at, new() { [nameof(BlogsPage.State)] = state, [nameof(BlogsPage.AsAt)] = at is not null })
            : OutsideTheLog(at!.Value, node);

    private static async Task<IResult> Blog(HttpContext http, ElectionNode node, IOptions<TallyroomOptions> options, string blogId, long? at, CancellationToken ct)
    {
        if (await StateAt(node, at, ct).ConfigureAwait(false) is not { } state)
        {
            return OutsideTheLog(at!.Value, node);
        }

        return state.Blogs.TryGetValue(blogId, out var blog)
            ? ResultsPages.Page<BlogPage>(http, options, state, at, new() { [nameof(BlogPage.State)] = state, [nameof(BlogPage.Blog)] = blog, [nameof(BlogPage.AsAt)] = at is not null })
            : ResultsPages.NotFound("Blog not found", $"There is no blog '{blogId}'.");
    }

    private static async Task<IResult> Post(HttpContext http, ElectionNode node, IOptions<TallyroomOptions> options, string blogId, string postId, long? at, CancellationToken ct)
    {
        if (await StateAt(node, at, ct).ConfigureAwait(false) is not { } state)
        {
            return OutsideTheLog(at!.Value, node);
        }

        if (!state.Blogs.TryGetValue(blogId, out var blog) || !blog.Posts.TryGetValue(postId, out var post))
        {
            return ResultsPages.NotFound("Update not found", $"There is no update '{postId}' in blog '{blogId}'.");
        }

        return post.Deleted
            ? ResultsPages.NotFound("Update removed", "This update was removed from the blog.")
            : ResultsPages.Page<BlogPostPage>(http, options, state, at, new()
            {
                [nameof(BlogPostPage.State)] = state,
                [nameof(BlogPostPage.Blog)] = blog,
                [nameof(BlogPostPage.Post)] = post,
                [nameof(BlogPostPage.AsAt)] = at is not null,
            });
    }

    private static async Task<IResult> Feed(HttpContext http, ElectionNode node, IOptions<TallyroomOptions> options, string blogId, long? at, CancellationToken ct)
    {
        if (await StateAt(node, at, ct).ConfigureAwait(false) is not { } state)
        {
            return OutsideTheLog(at!.Value, node);
        }

        if (!state.Blogs.TryGetValue(blogId, out var blog))
        {
            return ResultsPages.NotFound("Blog not found", $"There is no blog '{blogId}'.");
        }

        // The feed names the site it is read from (Atom ids are absolute), so it is rendered per request rather than
        // kept with the responses shared by every reader of the revision; feed readers poll seldom.
        var etag = "\"" + state.Revision.ToString(CultureInfo.InvariantCulture) + "\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = at is not null ? "public, max-age=31536000, immutable" : $"public, max-age={options.Value.CurrentMaxAgeSeconds.ToString(CultureInfo.InvariantCulture)}";
        if (RevisionResponses.Matches(http.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var site = new Uri($"{http.Request.Scheme}://{http.Request.Host}/", UriKind.Absolute);
        return TypedResults.Bytes(AtomFeed.Render(state, blog, site), "application/atom+xml; charset=utf-8");
    }

    private static async Task<ElectionState?> StateAt(ElectionNode node, long? at, CancellationToken ct)
    {
        await node.Started.ConfigureAwait(false);
        return await node.StateAtAsync(at, ct).ConfigureAwait(false);
    }

    private static RazorComponentResult<NotFoundPage> OutsideTheLog(long at, ElectionNode node) => ResultsPages.NotFound(
        "Revision outside the log",
        string.Create(CultureInfo.InvariantCulture, $"Revision {at} is outside the results log, which runs from 0 to {node.Current.Revision}."));
}
