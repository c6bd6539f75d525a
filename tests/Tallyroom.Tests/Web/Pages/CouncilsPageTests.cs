using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Tallyroom.Tests.Web.Pages;

public sealed class CouncilsPageTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task EveryCouncilIsListedWithItsControlAndProgress()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);

        var html = await factory.CreateClient().GetStringAsync("/councils");

        Assert.Equal(
            [
                "Council | Control | Wards declared",
                "Trafford Metropolitan borough · 7 seats | Conservative Conservatives gain Trafford from Labour | 3 of 3",
                "Westminster London borough · 4 seats | Counting | 0 of 2",
            ],
            PageHtml.Rows(html, "councils"));
        Assert.Equal("All councils, by name (2)", PageHtml.Caption(html, "councils"));
    }

    [Fact]
    public async Task TheFiltersArePlainLinksThatNarrowTheList()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);
        var client = factory.CreateClient();

        var all = await client.GetStringAsync("/councils");
        var changed = await client.GetStringAsync("/councils?status=changed");
        var awaiting = await client.GetStringAsync("/councils?status=awaiting");

        Assert.Equal(
            ["/", "/", "/councils", "/blogs", "/councils", "/councils?status=declared", "/councils?status=awaiting", "/councils?status=changed", "/councils", "/councils?sort=recent"],
            PageHtml.Attributes(all, "a", "href").Take(11).Skip(1));
        Assert.Contains("<a href=\"/councils?status=changed\" aria-current=\"true\">", changed, StringComparison.Ordinal);
        Assert.Equal(["Trafford"], PageHtml.Rows(changed, "councils").Skip(1).Select(r => r.Split(' ')[0]));
        Assert.Equal(["Westminster"], PageHtml.Rows(awaiting, "councils").Skip(1).Select(r => r.Split(' ')[0]));
        Assert.Contains("Declared (1)", PageHtml.Text(all), StringComparison.Ordinal);
        Assert.Contains("Changed hands (1)", PageHtml.Text(all), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheListCanBeOrderedByMostRecentlyDeclaredAndKeepsItsFilter()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);
        await DeclareMaidaValeAsync();
        var client = factory.CreateClient();

        var byName = await client.GetStringAsync("/councils?status=declared");
        var recent = await client.GetStringAsync("/councils?status=declared&sort=recent");

        Assert.Equal(["Trafford", "Westminster"], PageHtml.Rows(byName, "councils").Skip(1).Select(r => r.Split(' ')[0]));
        Assert.Equal(["Westminster", "Trafford"], PageHtml.Rows(recent, "councils").Skip(1).Select(r => r.Split(' ')[0]));
        Assert.Equal("Declared councils, most recently declared first (2)", PageHtml.Caption(recent, "councils"));
        Assert.Contains("<a href=\"/councils?status=changed&amp;sort=recent\">", recent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownFilterShowsEveryCouncilRatherThanAnError()
    {
        var response = await factory.CreateClient().GetAsync("/councils?status=soon&sort=sideways");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, PageHtml.Rows(await response.Content.ReadAsStringAsync(), "councils").Count);
    }

    private async Task DeclareMaidaValeAsync()
    {
        using var desk = factory.CreateClient();
        desk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.CreateKeyAsync("desk"));
        var response = await desk.PostAsJsonAsync($"/api/ballots/{PagesNight.MaidaVale}/declaration", new
        {
            results = new[]
            {
                new { candidateId = "m1", votes = 1500, elected = true },
                new { candidateId = "m2", votes = 1400, elected = true },
                new { candidateId = "m3", votes = 1000, elected = false },
                new { candidateId = "m4", votes = 1300, elected = true },
                new { candidateId = "m5", votes = 1200, elected = false },
                new { candidateId = "m6", votes = 1100, elected = false },
            },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
