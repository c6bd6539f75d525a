using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Tallyroom.Storage.Sqlite;
using Tallyroom.Tests.LiveBlog;
using Tallyroom.Tests.Web.Pages;
using static Microsoft.Playwright.Assertions;

namespace Tallyroom.Browser.Tests;

/// <summary>The live blog in a reader's browser: posts, edits and deletions arrive without a reload; cards follow the results; user text never runs.</summary>
[Collection(SharedChromium.Name)]
public sealed class LiveBlogTests(Chromium chromium)
{
    private const string BlogId = "local-elections-as-it-happened";
    private const string AltrinchamGain = "auto-ward-local-trafford-altrincham-2018-05-03";
    private static readonly LocatorAssertionsToHaveTextOptions TwoSeconds = new() { Timeout = 2_000 };
    private static readonly LocatorAssertionsToHaveTextOptions FewSeconds = new() { Timeout = 10_000 };

    private static async Task<HttpClient> EditorAsync(LiveSite site)
    {
        var editor = new HttpClient { BaseAddress = site.BaseAddress };
        editor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await new SqliteApiKeys(site.DatabasePath).CreateAsync("editor", DateTimeOffset.UtcNow));
        using var response = await editor.PostAsJsonAsync("/api/blogs", new { title = "Local elections — as it happened" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        // A new blog catches up with the results already in: Altrincham's gain. Let it, before a reader arrives.
        for (var i = 0; i < 100 && !(await editor.GetStringAsync($"/api/blogs/{BlogId}/posts")).Contains(AltrinchamGain, StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        return editor;
    }

    private static async Task<string> PublishAsync(HttpClient editor, string markdown, string? headline = null, object? quote = null)
    {
        using var response = await editor.PostAsJsonAsync($"/api/blogs/{BlogId}/posts", new { headline, markdown, quote });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, LiveSite site)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url($"/blogs/{BlogId}"));
        await Expect(page.Locator("#live-indicator")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        return page;
    }

    [Fact]
    public async Task AnEditorsPostReachesAnOpenReaderPageWithinTwoSecondsWithoutMovingIt()
    {
        using var site = await LiveSite.StartAsync();
        var editor = await EditorAsync(site);
        await PublishAsync(editor, "Polls are closed.", headline: "Polls close");
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await OpenAsync(context, site);

        var id = await PublishAsync(editor, "Trafford's first ward is in.", headline: "First result");

        await Expect(page.Locator("#new-updates-button")).ToHaveTextAsync("Show 1 new update", TwoSeconds);
        await Expect(page.Locator("#posts article")).ToHaveCountAsync(2);
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("1 new update above the latest", FewSeconds);
        await page.Locator("#new-updates-button").ClickAsync();
        await Expect(page.Locator("#posts article").First).ToHaveAttributeAsync("id", $"post-{id}");
        await Expect(page.Locator($"#post-{id} .post-headline")).ToHaveTextAsync("First result");
        await Expect(page.Locator("#new-updates")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded instead of updated in place.");
    }

    [Fact]
    public async Task AnEditAndADeletionReachTheOpenPageInPlace()
    {
        using var site = await LiveSite.StartAsync();
        var editor = await EditorAsync(site);
        var kept = await PublishAsync(editor, "Turnot is up in Trafford.");
        var gone = await PublishAsync(editor, "Wrong ward.");
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await OpenAsync(context, site);

        (await editor.PutAsJsonAsync($"/api/blogs/{BlogId}/posts/{kept}", new { markdown = "Turnout is up in Trafford." })).EnsureSuccessStatusCode();
        (await editor.DeleteAsync($"/api/blogs/{BlogId}/posts/{gone}")).EnsureSuccessStatusCode();

        await Expect(page.Locator($"#post-{kept} .post-body")).ToHaveTextAsync("Turnout is up in Trafford.", FewSeconds);
        await Expect(page.Locator($"#post-{gone}")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Expect(page.Locator("#new-updates")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded instead of updated in place.");
    }

    [Fact]
    public async Task AResultCardChangesWhenItsCouncilDeclares()
    {
        using var site = await LiveSite.StartAsync();
        var editor = await EditorAsync(site);
        var id = await PublishAsync(editor, "How Trafford stands:\n\n[[council:trafford]]");
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await OpenAsync(context, site);
        var card = page.Locator($"#post-{id} [data-card='council:trafford'] .result-card-headline");
        await Expect(card).ToHaveTextAsync("Counting: 1 of 3 wards declared");

        await site.DeclareAsync(PagesNight.Bowdon, 1200, 800, 100);
        await site.DeclareAsync(PagesNight.SaleMoor, 700, 900, 50);

        await Expect(card).ToHaveTextAsync("Conservatives gain Trafford from Labour", FewSeconds);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded instead of updated in place.");
    }

    [Fact]
    public async Task TheXssCorpusRunsNoScriptInTheBrowser()
    {
        using var site = await LiveSite.StartAsync();
        var editor = await EditorAsync(site);
        foreach (var payload in XssCorpus.Payloads)
        {
            await PublishAsync(editor, payload, headline: payload, quote: new { text = payload, attribution = payload });
        }

        await using var context = await chromium.Browser.NewContextAsync();
        var console = new List<string>();
        var dialogs = 0;
        var page = await context.NewPageAsync();
        page.Console += (_, message) => console.Add(message.Text);
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.GotoAsync(site.Url($"/blogs/{BlogId}"));
        await Expect(page.Locator("#posts article")).ToHaveCountAsync(XssCorpus.Payloads.Count + 1);

        // New posts arriving live go through the same path readers see: add one more round and show it.
        await PublishAsync(editor, string.Join("\n\n", XssCorpus.Payloads), headline: XssCorpus.Payloads[0]);
        await Expect(page.Locator("#new-updates-button")).ToHaveTextAsync("Show 1 new update", FewSeconds);
        await page.Locator("#new-updates-button").ClickAsync();
        await Expect(page.Locator("#posts article")).ToHaveCountAsync(XssCorpus.Payloads.Count + 2);
        await page.WaitForTimeoutAsync(500);

        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.xss"));
        Assert.DoesNotContain(console, m => m.Contains("xss", StringComparison.Ordinal));
        Assert.Equal(0, dialogs);
        Assert.Equal(0, await page.Locator("#main script, #main iframe, #main svg, #main math, #main style, #main [style]").CountAsync());
        Assert.Equal(0, await page.Locator("#main [href^='javascript' i], #main [src^='javascript' i], #main [href^='data' i], #main [src^='data' i]").CountAsync());
    }

    [Fact]
    public async Task AnEditorSignedInComposesAndDeletesThroughTheFormsAndAnOpenReaderPageFollows()
    {
        using var site = await LiveSite.StartAsync();
        await EditorAsync(site);
        await site.AddUserAsync("anna", "editor", "correct horse battery");
        await using var readers = await chromium.Browser.NewContextAsync();
        var reader = await OpenAsync(readers, site);
        await using var newsroom = await chromium.Browser.NewContextAsync();
        var editor = await newsroom.NewPageAsync();
        var problems = new List<string>();
        editor.Console += (_, message) => problems.AddRange(message.Type is "error" or "warning" ? [message.Text] : []);
        await editor.GotoAsync(site.Url($"/account/login?returnUrl=%2Feditor%2Fblogs%2F{BlogId}"));
        await editor.GetByLabel("Name").FillAsync("anna");
        await editor.GetByLabel("Password").FillAsync("correct horse battery");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(editor).ToHaveURLAsync(site.Url($"/editor/blogs/{BlogId}"));

        await editor.Locator("#headline").FillAsync("Polls close");
        await editor.Locator("#markdown").FillAsync("Counting **starts** in Trafford.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(editor).ToHaveURLAsync(site.Url($"/editor/blogs/{BlogId}"));

        await Expect(reader.Locator("#new-updates-button")).ToHaveTextAsync("Show 1 new update", TwoSeconds);
        await reader.Locator("#new-updates-button").ClickAsync();
        var post = reader.Locator("#posts article").Filter(new() { HasText = "Polls close" });
        await Expect(post.Locator(".post-body")).ToHaveTextAsync("Counting starts in Trafford.");

        await editor.Locator("article").Filter(new() { HasText = "Polls close" }).Locator("xpath=following-sibling::div[1]").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(post).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        Assert.Empty(problems);
    }

    [Fact]
    public async Task WithoutEventSourceTheBlogPollsTheCacheableChangeFeed()
    {
        using var site = await LiveSite.StartAsync();
        var editor = await EditorAsync(site);
        await using var context = await chromium.Browser.NewContextAsync();
        await context.AddInitScriptAsync("delete window.EventSource;");
        var page = await context.NewPageAsync();
        var polled = false;
        page.Request += (_, request) => polled |= request.Url.Contains("/api/changes?since=", StringComparison.Ordinal);
        await page.GotoAsync(site.Url($"/blogs/{BlogId}"));
        await Expect(page.Locator("#live-indicator")).ToBeVisibleAsync();

        await PublishAsync(editor, "Polls are closed.", headline: "Polls close");

        await Expect(page.Locator("#new-updates-button")).ToHaveTextAsync("Show 1 new update", FewSeconds);
        Assert.True(polled);
    }
}
