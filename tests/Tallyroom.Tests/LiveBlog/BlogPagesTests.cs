using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tallyroom.Tests.Web;
using Tallyroom.Tests.Web.Pages;

namespace Tallyroom.Tests.LiveBlog;

/// <summary>The reader's blog page, a post's permalink, the Atom feed, and user text that must stay inert.</summary>
public sealed class BlogPagesTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();
    private readonly BlogClient blog;

    public BlogPagesTests() => blog = new BlogClient(factory);

    public void Dispose() => factory.Dispose();

    private static string Posts(string html) => Regex.Match(html, "<div id=\"posts\" class=\"posts\">(?<posts>.*?)</section>", RegexOptions.Singleline).Groups["posts"].Value;

    [Fact]
    public async Task TheBlogPageShowsPostsNewestFirstInUkTimeWithKeyEventsAndThePinnedPostAbove()
    {
        var editor = await blog.OpenAsync();
        var first = await BlogClient.PublishAsync(editor, "Polls are closed.", headline: "Polls close", keyEvent: true);
        factory.Clock.Advance(TimeSpan.FromMinutes(75));
        var second = await BlogClient.PublishAsync(editor, "Trafford is counting.");
        await editor.PutAsync($"/api/blogs/{BlogClient.BlogId}/posts/{first}/pin", null);

        var html = await blog.Reader.GetStringAsync($"/blogs/{BlogClient.BlogId}");

        Assert.Equal([second, first], PageHtml.Attributes(Posts(html), "article", "data-post"));
        Assert.Equal([first, second, first], PageHtml.Attributes(html, "article", "data-post"));
        Assert.Equal("22:00 BST Polls close", PageHtml.Text(Regex.Match(html, "<nav class=\"key-events\".*?<ul>(?<items>.*?)</ul>", RegexOptions.Singleline).Groups["items"].Value));
        Assert.Contains("<time datetime=\"2018-05-03T23:15:00&#x2B;01:00\">23:15 BST</time>", html, StringComparison.Ordinal);
        Assert.Contains($"<main id=\"main\" tabindex=\"-1\" class=\"wrap\" data-revision=\"{await factory.HeadAsync()}\" data-live=\"blog\" data-live-key=\"{BlogClient.BlogId}\">", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/follow.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/blog.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<h1[ >]"));
        Assert.Single(Regex.Matches(html, "aria-live=\"polite\""));
        Assert.Contains($"<a class=\"post-time\" href=\"/blogs/{BlogClient.BlogId}/posts/{second}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResultCardShowsTheLiveFiguresWithoutThePostChanging()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock);
        var editor = await blog.OpenAsync();
        await BlogClient.PublishAsync(editor, "Trafford so far:\n\n[[council:trafford]]\n\nMore soon.");
        var before = PageHtml.Text(await blog.Reader.GetStringAsync($"/blogs/{BlogClient.BlogId}"));

        var desk = await blog.KeyedAsync("desk");
        await desk.PostAsJsonAsync($"/api/ballots/{PagesNight.Bowdon}/declaration", PagesNight.TraffordRequest(1200, 800, 100));
        await desk.PostAsJsonAsync($"/api/ballots/{PagesNight.SaleMoor}/declaration", PagesNight.TraffordRequest(700, 900, 50));
        var html = await blog.Reader.GetStringAsync($"/blogs/{BlogClient.BlogId}");
        var stored = (await blog.PostsAsync()).Single(p => p.GetProperty("automatic").GetBoolean() == false);

        Assert.Contains("Trafford Counting: 1 of 3 wards declared Con 3, Lab 2 4 of 7 seats for a majority; control now: not yet decided", before, StringComparison.Ordinal);
        Assert.Contains("<aside class=\"result-card result-card-council\" data-card=\"council:trafford\" aria-label=\"Trafford\">", html, StringComparison.Ordinal);
        Assert.Contains("Trafford Conservatives gain Trafford from Labour Con 4, Lab 3 4 of 7 seats for a majority; control now: Conservative", PageHtml.Text(html), StringComparison.Ordinal);
        Assert.Equal("<p>Trafford so far:</p>\n<p>[[council:trafford]]</p>\n<p>More soon.</p>", stored.GetProperty("html").GetString());
        Assert.Equal(1, stored.GetProperty("versions").GetInt32());
    }

    [Fact]
    public async Task APostHasAPermalinkAndADeletedOneIsGone()
    {
        var editor = await blog.OpenAsync();
        var kept = await BlogClient.PublishAsync(editor, "Still here.", headline: "Turnout up");
        var gone = await BlogClient.PublishAsync(editor, "Wrong ward.");
        await editor.DeleteAsync($"/api/blogs/{BlogClient.BlogId}/posts/{gone}");

        var permalink = await blog.Reader.GetStringAsync($"/blogs/{BlogClient.BlogId}/posts/{kept}");
        var deleted = await blog.Reader.GetAsync($"/blogs/{BlogClient.BlogId}/posts/{gone}");
        var page = await blog.Reader.GetStringAsync($"/blogs/{BlogClient.BlogId}");

        Assert.Equal("Turnout up", PageHtml.Text(Regex.Match(permalink, "<h1>(.*?)</h1>").Groups[1].Value));
        Assert.Contains("Still here.", permalink, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.DoesNotContain("Wrong ward.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClosedBlogIsAnArchiveThatLoadsNoScript()
    {
        var editor = await blog.OpenAsync();
        await BlogClient.PublishAsync(editor, "Goodnight.");
        await editor.PostAsync($"/api/blogs/{BlogClient.BlogId}/close", null);

        var html = await blog.Reader.GetStringAsync($"/blogs/{BlogClient.BlogId}");

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-live=", html, StringComparison.Ordinal);
        Assert.Contains("This blog closed on Thursday 3 May 2018, 22:00 BST and is kept as it stood.", PageHtml.Text(html), StringComparison.Ordinal);
        Assert.Contains("Goodnight.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAtomFeedIsValidXmlWithAnEntryPerPost()
    {
        var editor = await blog.OpenAsync();
        var first = await BlogClient.PublishAsync(editor, "Polls are closed & counting starts.", headline: "Polls close");
        await BlogClient.PublishAsync(editor, "Quiet so far.");

        var response = await blog.Reader.GetAsync($"/blogs/{BlogClient.BlogId}/feed.atom");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(BlogClient.Title, feed.Root.Element(atom + "title")!.Value);
        Assert.Equal(["Update at 22:00 BST", "Polls close"], entries.Select(e => e.Element(atom + "title")!.Value));
        Assert.Equal($"http://localhost/blogs/{BlogClient.BlogId}/posts/{first}", entries[1].Element(atom + "id")!.Value);
        Assert.Equal("<p>Polls are closed &amp; counting starts.</p>", entries[1].Element(atom + "content")!.Value);
        Assert.Equal("2018-05-03T21:00:00Z", entries[1].Element(atom + "published")!.Value);
    }

    [Fact]
    public async Task TheXssCorpusIsStoredAndServedInert()
    {
        var editor = await blog.OpenAsync();
        foreach (var payload in XssCorpus.Payloads)
        {
            await BlogClient.PublishAsync(editor, payload, headline: payload, quote: new { text = payload, attribution = payload });
        }

        await editor.PutAsJsonAsync($"/api/blogs/{BlogClient.BlogId}/summary", new { markdown = string.Join("\n\n", XssCorpus.Payloads) });
        var html = await blog.Reader.GetStringAsync($"/blogs/{BlogClient.BlogId}");
        var stored = string.Join("\n", (await blog.PostsAsync()).Select(p => p.GetProperty("html").GetString()));
        var body = Regex.Match(html, "<h1>.*</main>", RegexOptions.Singleline).Value;

        Assert.Equal(XssCorpus.Payloads.Count, Regex.Count(body, "<article "));
        foreach (var text in new[] { body, stored })
        {
            Assert.DoesNotMatch("(?i)<(script|iframe|svg|math|style|details|object|embed)\\b", text);
            Assert.DoesNotMatch("(?i)<[^>]+\\son[a-z]+\\s*=", text);
            Assert.DoesNotMatch("(?i)<[^>]+\\sstyle\\s*=", text);
            Assert.DoesNotMatch("(?i)<[^>]*\\b(href|src)\\s*=\\s*\"?\\s*(javascript|data|vbscript):", text);
        }

        // A blog's title is user text too.
        var titled = await BlogClient.JsonAsync(await editor.PostAsJsonAsync("/api/blogs", new { title = XssCorpus.Payloads[1] }));
        var titledPage = await blog.Reader.GetStringAsync(titled.GetProperty("url").GetString());
        Assert.Contains("<h1>&lt;img src=x onerror=&quot;window.xss = 1; console.log(&#x27;xss&#x27;)&quot;&gt;</h1>", titledPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", Regex.Match(titledPage, "<h1>.*</main>", RegexOptions.Singleline).Value, StringComparison.Ordinal);

        // The words are still there for the reader to see, as text.
        Assert.Contains("&lt;script&gt;window.xss = 1; console.log(&#x27;xss&#x27;)&lt;/script&gt;", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryBlogPageKeepsTheSitesConventionsWithNothingInline()
    {
        var editor = await blog.OpenAsync();
        var id = await BlogClient.PublishAsync(editor, "Counting starts.\n\n[[scoreboard]]", headline: "Polls close", keyEvent: true, quote: new { text = "A long night.", attribution = "A returning officer" });
        await editor.PutAsync($"/api/blogs/{BlogClient.BlogId}/posts/{id}/pin", null);
        await editor.PutAsJsonAsync($"/api/blogs/{BlogClient.BlogId}/summary", new { markdown = "Polls have **closed**." });

        foreach (var (client, path) in new[] { (blog.Reader, "/blogs"), (blog.Reader, $"/blogs/{BlogClient.BlogId}"), (blog.Reader, $"/blogs/{BlogClient.BlogId}/posts/{id}"), (editor, "/editor/blogs"), (editor, $"/editor/blogs/{BlogClient.BlogId}"), (editor, $"/editor/blogs/{BlogClient.BlogId}/posts/{id}") })
        {
            var html = await client.GetStringAsync(path);

            Assert.Contains("<html lang=\"en-GB\">", html, StringComparison.Ordinal);
            Assert.Equal("#main", PageHtml.Attributes(html, "a", "href")[0]);
            Assert.Single(Regex.Matches(html, "<main id=\"main\""));
            Assert.Single(Regex.Matches(html, "<h1[ >]"));
            Assert.Single(Regex.Matches(html, "aria-live=\"polite\""));
            Assert.All(Regex.Matches(html, "<script\\b[^>]*>"), s => Assert.Matches("^<script src=\"/js/(follow|blog)\\.js\" defer", s.Value));
            Assert.DoesNotMatch("<script\\b[^>]*>[^<]", html);
            Assert.DoesNotMatch("<style\\b", html);
            Assert.DoesNotMatch("\\sstyle=\"", html);
            Assert.DoesNotMatch("\\son[a-z]+=\"", html);
            Assert.All(PageHtml.Attributes(html, "a", "href"), href => Assert.Matches("^(/[^/]|/$|#)", href));
        }
    }

    [Fact]
    public async Task BlogPagesMayShowPicturesFromOtherSitesOverHttpsButRunOnlyTheSitesScript()
    {
        var editor = await blog.OpenAsync();

        var page = await blog.Reader.GetAsync($"/blogs/{BlogClient.BlogId}");
        var desk = await editor.GetAsync($"/editor/blogs/{BlogClient.BlogId}");
        var results = await blog.Reader.GetAsync("/");

        foreach (var response in new[] { page, desk })
        {
            Assert.StartsWith("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        Assert.Contains("img-src 'self' data:;", results.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
