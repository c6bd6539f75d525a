using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Tallyroom.Tests.Web;
using Tallyroom.Tests.Web.Pages;

namespace Tallyroom.Tests.LiveBlog;

/// <summary>The editors' forms: behind the editor role, each carrying an antiforgery token that a post must return.</summary>
public sealed partial class EditorPagesTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    private async Task<HttpClient> EditorAsync()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.CreateKeyAsync("editor"));
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var token = Token().Match(html);
        Assert.True(token.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(token.Groups["token"].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();

    [Fact]
    public async Task AnEditorOpensABlogAndPublishesThroughTheFormsWithTheirTokens()
    {
        var editor = await EditorAsync();

        var opened = await editor.PostAsync("/editor/blogs", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(editor, "/editor/blogs"),
            ["title"] = BlogClient.Title,
        }));
        var published = await editor.PostAsync($"/editor/blogs/{BlogClient.BlogId}/posts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(editor, $"/editor/blogs/{BlogClient.BlogId}"),
            ["headline"] = "Polls close",
            ["markdown"] = "Counting *starts*.",
            ["keyEvent"] = "true",
        }));
        var post = Assert.Single(await new BlogClient(factory).PostsAsync());

        Assert.Equal((HttpStatusCode.Redirect, $"/editor/blogs/{BlogClient.BlogId}"), (opened.StatusCode, opened.Headers.Location!.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(("Polls close", "<p>Counting <em>starts</em>.</p>", true), (post.GetProperty("headline").GetString(), post.GetProperty("html").GetString(), post.GetProperty("keyEvent").GetBoolean()));
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryTokenIsRefusedAndChangesNothing()
    {
        var editor = await EditorAsync();
        var head = await factory.HeadAsync();

        var response = await editor.PostAsync("/editor/blogs", new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = "Forged" }));

        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("RequestVerificationToken", "antiforgery-token"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.Equal(head, await factory.HeadAsync());
    }

    [Fact]
    public async Task ARefusedPostIsShownAgainWithEveryProblemNamed()
    {
        var editor = await EditorAsync();
        await editor.PostAsync("/editor/blogs", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenAsync(editor, "/editor/blogs"), ["title"] = BlogClient.Title }));

        var response = await editor.PostAsync($"/editor/blogs/{BlogClient.BlogId}/posts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(editor, $"/editor/blogs/{BlogClient.BlogId}"),
            ["headline"] = "Kept for the editor",
            ["markdown"] = " ",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("markdown: A post needs a body. (body-required)", PageHtml.Text(html), StringComparison.Ordinal);
        Assert.Contains("value=\"Kept for the editor\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadersAreSentToSignInAndOtherRolesAreForbiddenTheEditorsPages()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var desk = factory.CreateClient();
        desk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.CreateKeyAsync("desk"));

        var signIn = await anonymous.GetAsync("/editor/blogs");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/account/login?returnUrl=%2Feditor%2Fblogs", signIn.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.GetAsync("/editor/blogs")).StatusCode);
    }
}
