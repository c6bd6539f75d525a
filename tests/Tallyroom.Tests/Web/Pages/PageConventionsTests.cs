using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Tallyroom.Tests.Web.Pages;

/// <summary>What every page promises: accessible structure, no inline code, time travel, caching, no JavaScript needed.</summary>
public sealed class PageConventionsTests : IDisposable
{
    private static readonly string[] Pages =
    [
        "/",
        "/councils",
        "/councils?status=declared&sort=recent",
        "/councils/trafford",
        "/councils/westminster",
        $"/ballots/{PagesNight.Altrincham}",
        $"/ballots/{PagesNight.SaleMoor}",
        $"/ballots/{PagesNight.AbbeyRoad}",
        "/parties/PP52",
        "/councils/atlantis",
    ];

    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task EveryPageIsBritishEnglishWithTheSkipLinkFirstOneMainAndOneHeading()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);
        var client = factory.CreateClient();

        foreach (var page in Pages)
        {
            var html = await client.GetStringAsync(page.Replace("atlantis", "trafford", StringComparison.Ordinal));

            Assert.Contains("<html lang=\"en-GB\">", html, StringComparison.Ordinal);
            Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
            Assert.Equal("#main", PageHtml.Attributes(html, "a", "href")[0]);
            Assert.Single(Regex.Matches(html, "<main id=\"main\""));
            Assert.Single(Regex.Matches(html, "<h1[ >]"));
            Assert.Single(Regex.Matches(html, "aria-live=\"polite\""));
        }
    }

    [Fact]
    public async Task EveryTableHasACaptionAndEveryHeaderCellAScope()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);
        var client = factory.CreateClient();

        foreach (var page in Pages)
        {
            var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
            foreach (Match table in Regex.Matches(html, "<table[^>]*>(?<inner>.*?)</table>", RegexOptions.Singleline))
            {
                Assert.Matches("^\\s*<caption>", table.Groups["inner"].Value);
                Assert.All(Regex.Matches(table.Groups["inner"].Value, "<th[ >][^>]*>?"), th => Assert.Contains("scope=\"", th.Value, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task PagesLoadOnlyTheSitesOwnScriptAndStylesheetAndNothingInline()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);
        var client = factory.CreateClient();

        foreach (var page in Pages)
        {
            var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();

            Assert.All(Regex.Matches(html, "<script\\b[^>]*>"), s => Assert.Matches("^<script src=\"/js/(follow|live)\\.js\" defer", s.Value));
            Assert.DoesNotMatch("<script\\b[^>]*>[^<]", html);
            Assert.Equal(["/css/site.css", "/favicon.svg"], PageHtml.Attributes(html, "link", "href"));
            Assert.DoesNotMatch("<style\\b", html);
            Assert.DoesNotMatch("\\sstyle=\"", html);
            Assert.DoesNotMatch("\\son[a-z]+=\"", html);
            Assert.All(PageHtml.Attributes(html, "a", "href"), href => Assert.Matches("^(/[^/]|/$|#)", href));
        }
    }

    [Fact]
    public async Task TheStylesheetAndScriptsAreServedByTheSiteUnderTheStrictPolicy()
    {
        var client = factory.CreateClient();

        var css = await client.GetAsync("/css/site.css");
        var follow = await client.GetAsync("/js/follow.js");
        var live = await client.GetAsync("/js/live.js");
        var page = await client.GetStringAsync("/");

        Assert.Equal((HttpStatusCode.OK, "text/css"), (css.StatusCode, css.Content.Headers.ContentType!.MediaType));
        Assert.Equal((HttpStatusCode.OK, "text/javascript"), (follow.StatusCode, follow.Content.Headers.ContentType!.MediaType));
        Assert.Equal((HttpStatusCode.OK, "text/javascript"), (live.StatusCode, live.Content.Headers.ContentType!.MediaType));
        Assert.Contains("EventSource", await follow.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Tallyroom.follow(", await live.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/follow.js\" defer></script>\n        <script src=\"/js/live.js\" defer></script>", page.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.StartsWith("default-src 'self'; script-src 'self'; style-src 'self';", (await client.GetAsync("/")).Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsAtAnEarlierRevisionAPageShowsThePastWithABannerAndNeverUpdates()
    {
        var head = await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);
        var before = head - 2;

        var response = await factory.CreateClient().GetAsync($"/councils/trafford?at={before}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("Counting: 1 of 3 wards declared", PageHtml.ById(html, "council-outcome"));
        Assert.Contains($"You are looking at the past. This page shows the night as it stood at revision {before} of the results log, and does not update. See the latest results", PageHtml.Text(html), StringComparison.Ordinal);
        Assert.Contains($"<main id=\"main\" tabindex=\"-1\" class=\"wrap\" data-revision=\"{before}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("live.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("follow.js", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/ballots/{PagesNight.Bowdon}?at={before}\">Bowdon</a>", html, StringComparison.Ordinal);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task EveryPageSaysWhichRevisionItShowsAndWhatConcernsItsLiveUpdates()
    {
        var head = await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);
        var client = factory.CreateClient();

        var scoreboard = await client.GetStringAsync("/");
        var council = await client.GetStringAsync("/councils/trafford");
        var ballot = await client.GetStringAsync($"/ballots/{PagesNight.SaleMoor}");

        Assert.Contains($"<main id=\"main\" tabindex=\"-1\" class=\"wrap\" data-revision=\"{head}\" data-live=\"all\" data-update=\"Trafford updated: Conservatives gain\">", scoreboard, StringComparison.Ordinal);
        Assert.Contains($"<main id=\"main\" tabindex=\"-1\" class=\"wrap\" data-revision=\"{head}\" data-live=\"council\" data-live-key=\"trafford\" data-update=\"Trafford updated: Conservatives gain\">", council, StringComparison.Ordinal);
        Assert.Contains($"data-live=\"ballot\" data-live-key=\"{PagesNight.SaleMoor}\" data-update=\"Sale Moor updated: declared, Not comparable\">", ballot, StringComparison.Ordinal);
        Assert.Contains($"Showing revision {head} of the results log.", PageHtml.Text(council), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevisionOutsideTheLogIsA404PageSayingWhereTheLogEnds()
    {
        var response = await factory.CreateClient().GetAsync("/councils/trafford?at=999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"Revision 999 is outside the results log, which runs from 0 to {factory.SetupRevision}.", PageHtml.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageCarriesItsRevisionAsItsETagAndAConditionalRequestIsAnsweredNotModified()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync("/councils/trafford");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/councils/trafford");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await client.SendAsync(conditional);

        Assert.Equal($"\"{factory.SetupRevision}\"", first.Headers.ETag!.Tag);
        Assert.Equal("public, max-age=2", first.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task PagesWorkWithoutJavaScriptThroughPlainLinksAndAreOnlyEverRead()
    {
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/councils");

        // Filters and orders are links a browser follows without a script; nothing on a page posts.
        Assert.Contains("<a href=\"/councils?status=awaiting\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<button", html, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var pages = scope.ServiceProvider.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName.EndsWith("Page", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(11, pages.Count);
        Assert.All(pages, p => Assert.Equal(["GET"], p.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods));
    }

    [Fact]
    public async Task PagesAreKeptOutOfTheApiDocument()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.DoesNotContain("\"/councils/{slug}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"/api/councils/{slug}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAddressOutsideThePagesIsStillNotFound()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/nowhere");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().SendAsync(request)).StatusCode);
    }
}
