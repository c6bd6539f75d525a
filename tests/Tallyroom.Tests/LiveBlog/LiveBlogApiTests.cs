using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tallyroom.Tests.Web;

namespace Tallyroom.Tests.LiveBlog;

public sealed class LiveBlogApiTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();
    private readonly BlogClient blog;

    public LiveBlogApiTests() => blog = new BlogClient(factory);

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AnEditorOpensABlogWithEveryAutomaticKindSwitchedOn()
    {
        var editor = await blog.KeyedAsync("editor");

        var response = await editor.PostAsJsonAsync("/api/blogs", new { title = BlogClient.Title });
        var json = await BlogClient.JsonAsync(response);
        var list = await BlogClient.JsonAsync(await blog.Reader.GetAsync("/api/blogs"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/blogs/local-elections-as-it-happened", response.Headers.Location!.ToString());
        Assert.Equal((BlogClient.BlogId, BlogClient.Title, true), (json.GetProperty("id").GetString(), json.GetProperty("title").GetString(), json.GetProperty("open").GetBoolean()));
        var automatic = json.GetProperty("automatic");
        Assert.Equal((true, true, true, true, 10), (automatic.GetProperty("councilDeclared").GetBoolean(), automatic.GetProperty("controlChanged").GetBoolean(), automatic.GetProperty("stateOfParties").GetBoolean(), automatic.GetProperty("notableWards").GetBoolean(), automatic.GetProperty("stateOfPartiesEvery").GetInt32()));
        Assert.Equal([BlogClient.BlogId], list.EnumerateArray().Select(b => b.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ASecondBlogWithTheSameTitleGetsItsOwnId()
    {
        var editor = await blog.OpenAsync();

        var second = await BlogClient.JsonAsync(await editor.PostAsJsonAsync("/api/blogs", new { title = BlogClient.Title }));

        Assert.Equal("local-elections-as-it-happened-2", second.GetProperty("id").GetString());
    }

    [Fact]
    public async Task APublishedPostCarriesItsSanitisedHtmlTimeAndFlags()
    {
        var editor = await blog.OpenAsync();

        var id = await BlogClient.PublishAsync(editor, "Counting **starts** in [Trafford](/councils/trafford).", headline: "Polls close", keyEvent: true, quote: new { text = "A long night ahead.", attribution = "Trafford's returning officer" });
        var post = Assert.Single(await blog.PostsAsync());

        Assert.Equal(id, post.GetProperty("id").GetString());
        Assert.Matches("^p-[0-9a-f]{12}$", id);
        Assert.Equal("Polls close", post.GetProperty("headline").GetString());
        Assert.Equal("<p>Counting <strong>starts</strong> in <a href=\"/councils/trafford\">Trafford</a>.</p>", post.GetProperty("html").GetString());
        Assert.Equal("2018-05-03T21:00:00+00:00", post.GetProperty("publishedAt").GetString());
        Assert.Equal((true, false, false), (post.GetProperty("keyEvent").GetBoolean(), post.GetProperty("pinned").GetBoolean(), post.GetProperty("automatic").GetBoolean()));
        Assert.Equal(("A long night ahead.", "Trafford's returning officer"), (post.GetProperty("quote").GetProperty("text").GetString(), post.GetProperty("quote").GetProperty("attribution").GetString()));
    }

    [Fact]
    public async Task EveryWriteRefusesAnonymousReadersAndTheWrongRole()
    {
        var editor = await blog.OpenAsync();
        var postId = await BlogClient.PublishAsync(editor, "First.");
        var head = await factory.HeadAsync();
        var anonymous = blog.Reader;
        var desk = await blog.KeyedAsync("desk");
        var writes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Post, "/api/blogs", new { title = "Another" }),
            (HttpMethod.Post, $"/api/blogs/{BlogClient.BlogId}/posts", new { markdown = "Hello" }),
            (HttpMethod.Put, $"/api/blogs/{BlogClient.BlogId}/posts/{postId}", new { markdown = "Changed" }),
            (HttpMethod.Delete, $"/api/blogs/{BlogClient.BlogId}/posts/{postId}", null),
            (HttpMethod.Put, $"/api/blogs/{BlogClient.BlogId}/posts/{postId}/pin", null),
            (HttpMethod.Delete, $"/api/blogs/{BlogClient.BlogId}/posts/{postId}/pin", null),
            (HttpMethod.Put, $"/api/blogs/{BlogClient.BlogId}/posts/{postId}/key-event", new { keyEvent = true }),
            (HttpMethod.Put, $"/api/blogs/{BlogClient.BlogId}/summary", new { markdown = "Summary" }),
            (HttpMethod.Put, $"/api/blogs/{BlogClient.BlogId}/settings", new { councilDeclared = false }),
            (HttpMethod.Post, $"/api/blogs/{BlogClient.BlogId}/close", null),
        };

        foreach (var (method, url, body) in writes)
        {
            using var asAnonymous = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            using var asDesk = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };

            Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), ((await anonymous.SendAsync(asAnonymous)).StatusCode, (await desk.SendAsync(asDesk)).StatusCode));
        }

        Assert.Equal(head, await factory.HeadAsync());
    }

    [Fact]
    public async Task APostWithoutABodyIsRefusedNamingTheFieldAndTheRule()
    {
        var editor = await blog.OpenAsync();
        var head = await factory.HeadAsync();

        var response = await editor.PostAsJsonAsync($"/api/blogs/{BlogClient.BlogId}/posts", new { headline = "Nothing to say", markdown = "  " });
        var problem = await BlogClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("The change breaks the live blog's rules", problem.GetProperty("title").GetString());
        Assert.Equal(["A post needs a body."], problem.GetProperty("errors").GetProperty("markdown").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("body-required", problem.GetProperty("rules")[0].GetProperty("rule").GetString());
        Assert.Equal(head, await factory.HeadAsync());
    }

    [Fact]
    public async Task AResultCardNamingNothingInTheElectionIsRefused()
    {
        var editor = await blog.OpenAsync();

        var response = await editor.PostAsJsonAsync($"/api/blogs/{BlogClient.BlogId}/posts", new { markdown = "Look:\n\n[[council:atlantis]]" });
        var problem = await BlogClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["The result card [[council:atlantis]] names nothing in this election."], problem.GetProperty("errors").GetProperty("markdown").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task WritingToAnUnknownBlogOrPostIsNotFound()
    {
        var editor = await blog.OpenAsync();

        var unknownBlog = await editor.PostAsJsonAsync("/api/blogs/atlantis/posts", new { markdown = "Hello" });
        var unknownPost = await editor.PutAsJsonAsync($"/api/blogs/{BlogClient.BlogId}/posts/p-nowhere", new { markdown = "Hello" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknownBlog.StatusCode, unknownPost.StatusCode));
        Assert.Equal("blog-known", (await BlogClient.JsonAsync(unknownBlog)).GetProperty("rule").GetString());
        Assert.Equal("post-known", (await BlogClient.JsonAsync(unknownPost)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task PostsEditsAndDeletionsAppearInTheChangeFeedInOrder()
    {
        var editor = await blog.OpenAsync();
        var first = await BlogClient.PublishAsync(editor, "First.");
        var second = await BlogClient.PublishAsync(editor, "Second.");
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsJsonAsync($"/api/blogs/{BlogClient.BlogId}/posts/{first}", new { markdown = "First, corrected." })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/blogs/{BlogClient.BlogId}/posts/{second}")).StatusCode);

        var changes = (await blog.ChangesAsync(factory.SetupRevision)).Where(c => c.GetProperty("blogId").GetString() == BlogClient.BlogId).ToList();

        Assert.Equal(
            ["blog-opened ", $"post-published {first}", $"post-published {second}", $"post-edited {first}", $"post-deleted {second}"],
            changes.Select(c => $"{c.GetProperty("kind").GetString()} {c.GetProperty("postId").GetString()}"));
        Assert.Equal(changes.Select(c => c.GetProperty("revision").GetInt64()).Order(), changes.Select(c => c.GetProperty("revision").GetInt64()));
    }

    [Fact]
    public async Task AnEditKeepsTheHistoryAndADeletedPostIsHiddenButListedSinceItsDeletion()
    {
        var editor = await blog.OpenAsync();
        var kept = await BlogClient.PublishAsync(editor, "Turnot is up.");
        var gone = await BlogClient.PublishAsync(editor, "Wrong ward.");
        var before = await factory.HeadAsync();
        var edited = await BlogClient.JsonAsync(await editor.PutAsJsonAsync($"/api/blogs/{BlogClient.BlogId}/posts/{kept}", new { markdown = "Turnout is up." }));
        await editor.DeleteAsync($"/api/blogs/{BlogClient.BlogId}/posts/{gone}");

        var visible = await blog.PostsAsync();
        var since = await BlogClient.JsonAsync(await blog.Reader.GetAsync($"/api/blogs/{BlogClient.BlogId}/posts?since={before}"));

        Assert.Equal(("<p>Turnout is up.</p>", 2), (edited.GetProperty("html").GetString(), edited.GetProperty("versions").GetInt32()));
        Assert.Equal([kept], visible.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(
            [$"{kept} False", $"{gone} True"],
            since.GetProperty("posts").EnumerateArray().Select(p => $"{p.GetProperty("id").GetString()} {p.GetProperty("deleted").GetBoolean()}"));
        Assert.Equal(JsonValueKind.Null, since.GetProperty("posts")[1].GetProperty("html").ValueKind);
    }

    [Fact]
    public async Task OnePostIsPinnedAtATimeAndKeyEventsCanBeMarked()
    {
        var editor = await blog.OpenAsync();
        var first = await BlogClient.PublishAsync(editor, "First.");
        var second = await BlogClient.PublishAsync(editor, "Second.");

        await editor.PutAsync($"/api/blogs/{BlogClient.BlogId}/posts/{first}/pin", null);
        var pinned = await BlogClient.JsonAsync(await editor.PutAsync($"/api/blogs/{BlogClient.BlogId}/posts/{second}/pin", null));
        var marked = await BlogClient.JsonAsync(await editor.PutAsJsonAsync($"/api/blogs/{BlogClient.BlogId}/posts/{first}/key-event", new { keyEvent = true }));
        var document = await BlogClient.JsonAsync(await blog.Reader.GetAsync($"/api/blogs/{BlogClient.BlogId}"));

        Assert.True(pinned.GetProperty("pinned").GetBoolean());
        Assert.True(marked.GetProperty("keyEvent").GetBoolean());
        Assert.Equal(second, document.GetProperty("pinnedPostId").GetString());
        Assert.Equal([$"{second} True False", $"{first} False True"], (await blog.PostsAsync()).Select(p => $"{p.GetProperty("id").GetString()} {p.GetProperty("pinned").GetBoolean()} {p.GetProperty("keyEvent").GetBoolean()}"));
    }

    [Fact]
    public async Task AClosedBlogRefusesNewPosts()
    {
        var editor = await blog.OpenAsync();

        var closed = await BlogClient.JsonAsync(await editor.PostAsync($"/api/blogs/{BlogClient.BlogId}/close", null));
        var refused = await editor.PostAsJsonAsync($"/api/blogs/{BlogClient.BlogId}/posts", new { markdown = "Too late." });

        Assert.False(closed.GetProperty("open").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("blog-open", (await BlogClient.JsonAsync(refused)).GetProperty("rules")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task ThePostsCarryTheRevisionAsETagAndCanBeReadAsAtAnEarlierRevision()
    {
        var editor = await blog.OpenAsync();
        await BlogClient.PublishAsync(editor, "Before.");
        var then = await factory.HeadAsync();
        await BlogClient.PublishAsync(editor, "After.");

        var now = await blog.Reader.GetAsync($"/api/blogs/{BlogClient.BlogId}/posts");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/blogs/{BlogClient.BlogId}/posts");
        conditional.Headers.IfNoneMatch.Add(now.Headers.ETag!);
        var past = await BlogClient.JsonAsync(await blog.Reader.GetAsync($"/api/blogs/{BlogClient.BlogId}/posts?at={then}"));

        Assert.Equal($"\"{await factory.HeadAsync()}\"", now.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, (await blog.Reader.SendAsync(conditional)).StatusCode);
        Assert.Equal(["<p>Before.</p>"], past.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("html").GetString()));
    }

    [Fact]
    public async Task SwitchingAutomaticKindsOffIsKept()
    {
        var editor = await blog.OpenAsync();

        var response = await BlogClient.JsonAsync(await editor.PutAsJsonAsync($"/api/blogs/{BlogClient.BlogId}/settings", new { councilDeclared = false, controlChanged = true, stateOfParties = false, notableWards = true, stateOfPartiesEvery = 25 }));
        var refused = await editor.PutAsJsonAsync($"/api/blogs/{BlogClient.BlogId}/settings", new { stateOfPartiesEvery = 0 });

        Assert.Equal((false, 25), (response.GetProperty("automatic").GetProperty("councilDeclared").GetBoolean(), response.GetProperty("automatic").GetProperty("stateOfPartiesEvery").GetInt32()));
        Assert.Equal("every-positive", (await BlogClient.JsonAsync(refused)).GetProperty("rules")[0].GetProperty("rule").GetString());
    }
}
