using Microsoft.Playwright;
using Tallyroom.Tests.Web.Pages;
using static Microsoft.Playwright.Assertions;

namespace Tallyroom.Browser.Tests;

/// <summary>Every page as a reader's browser meets it: no errors, usable by keyboard, no sideways scrolling on a phone.</summary>
[Collection(SharedChromium.Name)]
public sealed class PageHealthTests(Chromium chromium)
{
    private static readonly string[] Pages =
    [
        "/",
        "/councils",
        "/councils?status=declared&sort=recent",
        "/councils/trafford",
        "/councils/westminster",
        $"/ballots/{PagesNight.Altrincham}",
        $"/ballots/{PagesNight.MaidaVale}",
        $"/ballots/{PagesNight.AbbeyRoad}",
        "/parties/PP52",
        "/councils/trafford?at=3",
    ];

    [Fact]
    public async Task NoPageLogsAnErrorBreaksThePolicyOrFailsToLoadAnything()
    {
        using var site = await LiveSite.StartAsync();
        await site.DeclareAsync(PagesNight.Bowdon, 1200, 800, 100);
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"{page.Url}: console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"{page.Url}: {error}");
        page.RequestFailed += (_, request) =>
        {
            // Leaving a page closes its event stream; that is not a failure.
            if (!request.Url.Contains("/api/stream", StringComparison.Ordinal))
            {
                problems.Add($"{page.Url}: request failed: {request.Url} {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{page.Url}: {response.Status} for {response.Url}");
            }
        };

        foreach (var path in Pages)
        {
            await page.GotoAsync(site.Url(path));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 5000 }).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await site.DeclareAsync(PagesNight.SaleMoor, 700, 900, 50);
        await page.GotoAsync(site.Url("/councils/trafford"));
        await Expect(page.Locator("#council-outcome")).ToHaveTextAsync("Conservatives gain Trafford from Labour");

        Assert.Empty(problems);
    }

    [Fact]
    public async Task TheKeyboardReachesTheSkipLinkFirstThenTheFiltersInOrderAndEnterFollowsALink()
    {
        using var site = await LiveSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/councils"));

        await page.Keyboard.PressAsync("Tab");
        var first = await FocusedAsync(page);
        await page.Keyboard.PressAsync("Enter");
        var afterSkip = await page.EvaluateAsync<string>("() => document.activeElement.id");
        var order = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await FocusedAsync(page));
        }

        Assert.Equal("Skip to main content", first);
        Assert.Equal("main", afterSkip);
        Assert.Equal(["All (2)", "Declared (0)", "Awaiting results (2)", "Changed hands (0)", "By name", "Most recently declared", "Trafford"], order);

        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
        }

        Assert.Equal("Awaiting results (2)", await FocusedAsync(page));
        await page.Keyboard.PressAsync("Enter");
        try
        {
            await page.WaitForURLAsync(site.Url("/councils?status=awaiting"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            // Seen once on a loaded CI machine: the first Enter did not navigate (suspected: a live refresh replaced
            // the focused link). Focus the link again and follow it with the keyboard; the order was asserted above.
            await page.GetByRole(AriaRole.Link, new() { Name = "Awaiting results (2)" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(site.Url("/councils?status=awaiting"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        }
        await Expect(page.Locator("table.councils caption")).ToHaveTextAsync("Councils awaiting results, by name (2)");
    }

    [Fact]
    public async Task NoPageScrollsSidewaysOnAPhone()
    {
        using var site = await LiveSite.StartAsync();
        await site.DeclareAsync(PagesNight.Bowdon, 1200, 800, 100);
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, DeviceScaleFactor = 2 });
        var page = await context.NewPageAsync();

        var wide = new List<string>();
        foreach (var path in Pages)
        {
            await page.GotoAsync(site.Url(path));
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 375)
            {
                // Name the widest offenders, so that a failure says what to fix.
                var offenders = await page.EvaluateAsync<string[]>(
                    "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 375).slice(-3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
                wide.Add($"{path}: {width}px ({string.Join(", ", offenders)})");
            }
        }

        Assert.Empty(wide);
    }

    [Fact]
    public async Task TheCouncilPageIsPhotographedOnAPhoneAndOnADesktop()
    {
        using var site = await LiveSite.StartAsync();
        await site.DeclareAsync(PagesNight.Bowdon, 1200, 800, 100);
        var phone = Path.Combine(Path.GetTempPath(), "tallyroom-council-phone.png");
        var desktop = Path.Combine(Path.GetTempPath(), "tallyroom-council-desktop.png");

        foreach (var (path, width, height) in new[] { (phone, 375, 740), (desktop, 1280, 900) })
        {
            await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(site.Url("/councils/trafford"));
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        }

        Assert.True(new FileInfo(phone).Length > 10_000);
        Assert.True(new FileInfo(desktop).Length > 10_000);
    }

    private static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement.textContent.replace(/\\s+/g, ' ').trim()");
}
