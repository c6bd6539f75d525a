using Microsoft.Playwright;
using Tallyroom.Tests.Web.Pages;
using static Microsoft.Playwright.Assertions;

namespace Tallyroom.Browser.Tests;

/// <summary>Pages follow the night without a reload: a declaration posted to the desk API reaches an open page in seconds.</summary>
[Collection(SharedChromium.Name)]
public sealed class LiveUpdateTests(Chromium chromium)
{
    private static readonly LocatorAssertionsToHaveTextOptions FewSeconds = new() { Timeout = 10_000 };

    [Fact]
    public async Task TheScoreboardUpdatesInPlaceWhenACouncilFinishesDeclaring()
    {
        using var site = await LiveSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await OpenAsync(context, site, "/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("State of parties after 0 of 2 councils");

        await site.DeclareAsync(PagesNight.Bowdon, 1200, 800, 100);
        await site.DeclareAsync(PagesNight.SaleMoor, 700, 900, 50);

        await Expect(page.Locator("h1")).ToHaveTextAsync("State of parties after 1 of 2 councils", FewSeconds);
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Trafford updated: Conservatives gain", FewSeconds);
        await Expect(page.Locator(".latest li").First).ToContainTextAsync("Conservatives gain Trafford from Labour");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded instead of updated in place.");
    }

    [Fact]
    public async Task ACouncilPageUpdatesInPlaceKeepingTheReadersFocusAndScroll()
    {
        using var site = await LiveSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 640 } });
        var page = await OpenAsync(context, site, "/councils/trafford");
        var bowdon = page.Locator($"a[href='/ballots/{PagesNight.Bowdon}']");
        await bowdon.FocusAsync();
        var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");

        await site.DeclareAsync(PagesNight.Bowdon, 1200, 800, 100);

        var row = page.Locator("table.wards tbody tr").Filter(new() { HasText = "Bowdon" });
        await Expect(row).ToContainTextAsync("Conservative hold", new() { Timeout = 10_000 });
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Trafford updated: Bowdon declared, Conservative hold", FewSeconds);
        await Expect(page.Locator(".flags")).ToContainTextAsync("Conservative has won control");
        Assert.Equal($"/ballots/{PagesNight.Bowdon}", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        Assert.Equal(scrolled, await page.EvaluateAsync<double>("() => window.scrollY"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded instead of updated in place.");
    }

    [Fact]
    public async Task ACouncilPageLeavesOtherCouncilsChangesAlone()
    {
        using var site = await LiveSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await OpenAsync(context, site, "/councils/westminster");
        var fetches = 0;
        page.Request += (_, request) => fetches += request.Url.EndsWith("/councils/westminster", StringComparison.Ordinal) ? 1 : 0;

        await site.DeclareAsync(PagesNight.Bowdon, 1200, 800, 100);
        await page.WaitForTimeoutAsync(2000);
        var afterTrafford = fetches;
        await site.DeclareMaidaValeAsync();

        await Expect(page.Locator("#council-outcome")).ToHaveTextAsync("No overall control in Westminster", FewSeconds);
        Assert.Equal(0, afterTrafford);
    }

    [Fact]
    public async Task WithoutEventSourceThePagePollsTheChangeFeedInstead()
    {
        using var site = await LiveSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        await context.AddInitScriptAsync("delete window.EventSource;");
        var page = await context.NewPageAsync();
        var polled = false;
        page.Request += (_, request) => polled |= request.Url.Contains("/api/changes?since=", StringComparison.Ordinal);
        await page.GotoAsync(site.Url("/councils/trafford"));

        await site.DeclareAsync(PagesNight.Bowdon, 1200, 800, 100);

        await Expect(page.Locator("table.wards tbody tr").Filter(new() { HasText = "Bowdon" })).ToContainTextAsync("Conservative hold", new() { Timeout = 15_000 });
        Assert.True(polled);
    }

    [Fact]
    public async Task APageShowingThePastNeverUpdates()
    {
        using var site = await LiveSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await OpenAsync(context, site, $"/councils/trafford?at={site.Revision}", live: false);
        var streamed = false;
        page.Request += (_, request) => streamed |= request.Url.Contains("/api/", StringComparison.Ordinal);

        await site.DeclareAsync(PagesNight.Bowdon, 1200, 800, 100);
        await page.WaitForTimeoutAsync(2000);

        await Expect(page.Locator("#council-outcome")).ToHaveTextAsync("Counting: 1 of 3 wards declared");
        await Expect(page.Locator(".banner-past")).ToContainTextAsync("You are looking at the past.");
        Assert.False(streamed);
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, LiveSite site, string path, bool live = true)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        await Expect(page.Locator("#live-indicator")).ToBeVisibleAsync(new() { Visible = live });

        // A marker that a reload would wipe: its survival proves the update happened in place.
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        return page;
    }
}
