using System.Net;
using System.Net.Http.Json;
using Tallyroom.Tests.Accounts;
using Tallyroom.Tests.Web;

namespace Tallyroom.Tests.LiveBlog;

/// <summary>Editors signed in with a session cookie: the editor role decides, and every write carries the page's token.</summary>
public sealed class EditorSessionTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task ASignedInEditorOpensABlogAndPublishesThroughTheForms()
    {
        var anna = await Staff.SignedInAsync(factory, "anna", "editor");

        var opened = await anna.PostAsync("/editor/blogs", Staff.Form(Staff.FormToken(await anna.GetStringAsync("/editor/blogs")), ("title", BlogClient.Title)));
        var published = await anna.PostAsync($"/editor/blogs/{BlogClient.BlogId}/posts", Staff.Form(
            Staff.FormToken(await anna.GetStringAsync($"/editor/blogs/{BlogClient.BlogId}")),
            ("headline", "Polls close"), ("markdown", "Counting **starts**."), ("quoteText", "A long night."), ("quoteAttribution", "The returning officer")));
        var post = Assert.Single(await new BlogClient(factory).PostsAsync());

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (opened.StatusCode, published.StatusCode));
        Assert.Equal(("Polls close", "<p>Counting <strong>starts</strong>.</p>", "The returning officer"), (post.GetProperty("headline").GetString(), post.GetProperty("html").GetString(), post.GetProperty("quote").GetProperty("attribution").GetString()));
    }

    [Fact]
    public async Task ASessionWriteToTheApiWithoutTheTokenIsRefusedAndWithItIsMade()
    {
        var anna = await Staff.SignedInAsync(factory, "anna", "editor");
        var head = await factory.HeadAsync();

        var forged = await anna.PostAsJsonAsync("/api/blogs", new { title = BlogClient.Title });
        var headAfterForgery = await factory.HeadAsync();
        using var genuine = new HttpRequestMessage(HttpMethod.Post, "/api/blogs") { Content = JsonContent.Create(new { title = BlogClient.Title }) };
        genuine.Headers.Add("RequestVerificationToken", await Staff.PageTokenAsync(anna, "/blogs"));
        var made = await anna.SendAsync(genuine);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("antiforgery-token", (await BlogClient.JsonAsync(forged)).GetProperty("rule").GetString());
        Assert.Equal(head, headAfterForgery);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
    }

    [Fact]
    public async Task ADeskSessionMayNotUseTheEditorsPages()
    {
        var dan = await Staff.SignedInAsync(factory, "dan", "desk");

        Assert.Equal(HttpStatusCode.Forbidden, (await dan.GetAsync("/editor/blogs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dan.PostAsync("/editor/blogs", Staff.Form(Staff.FormToken(await dan.GetStringAsync("/account/login")), ("title", "Desk blog")))).StatusCode);
    }
}
