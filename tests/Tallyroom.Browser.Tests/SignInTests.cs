using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tallyroom.Browser.Tests;

/// <summary>Signing in and out as a person does, through the forms in Chromium, under the site's strict policy.</summary>
[Collection(SharedChromium.Name)]
public sealed class SignInTests(Chromium chromium)
{
    [Fact]
    public async Task SigningInThroughTheFormShowsWhoIsSignedInAndSigningOutEndsIt()
    {
        using var site = await LiveSite.StartAsync();
        await site.AddUserAsync("anna", "editor", "correct horse battery");
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

        await page.GotoAsync(site.Url("/account/login?returnUrl=%2Fcouncils"));
        await page.GetByLabel("Name").FillAsync("anna");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(site.Url("/councils"));
        await Expect(page.Locator("#session")).ToContainTextAsync("Signed in as anna");
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "tallyroom.session");
        Assert.Equal((true, SameSiteAttribute.Strict), (cookie.HttpOnly, cookie.SameSite));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/"));
        await Expect(page.Locator("#session")).ToHaveCountAsync(0);
        Assert.Empty(problems);
    }
}
