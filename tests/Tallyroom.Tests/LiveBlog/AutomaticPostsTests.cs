using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tallyroom.Tests.Web;
using Tallyroom.Tests.Web.Pages;

namespace Tallyroom.Tests.LiveBlog;

/// <summary>
/// The posts the results write by themselves, over the pages' night: Trafford (Labour on the eve of poll, 7 seats)
/// completes when Bowdon and Sale Moor declare, a Conservative gain.
/// </summary>
public sealed class AutomaticPostsTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();
    private readonly BlogClient blog;

    public AutomaticPostsTests() => blog = new BlogClient(factory);

    public void Dispose() => factory.Dispose();

    private async Task DeclareAsync(string ballotId, int con, int lab, int grn, string? reason = null)
    {
        var desk = await blog.KeyedAsync("desk");
        using var response = await desk.PostAsJsonAsync($"/api/ballots/{ballotId}/declaration", PagesNight.TraffordRequest(con, lab, grn, reason));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The pages' night, written before the host starts (its clock is fake, so it would not look for other writers).</summary>
    private Task<long> NightAsync() => PagesNight.AddAsync(factory.DatabasePath, factory.Clock);

    private static JsonElement Post(List<JsonElement> posts, string id) => posts.Single(p => p.GetProperty("id").GetString() == id);

    private static bool Has(List<JsonElement> posts, string id) => posts.Any(p => p.GetProperty("id").GetString() == id);

    [Fact]
    public async Task ACouncilDeclaringIsPostedOnceWithItsOutcomeAndControlChangingHandsIsAKeyEvent()
    {
        await NightAsync();
        await blog.OpenAsync();

        await DeclareAsync(PagesNight.Bowdon, 1200, 800, 100);
        await DeclareAsync(PagesNight.SaleMoor, 700, 900, 50);
        var posts = await blog.EventuallyAsync(p => Has(p, "auto-council-trafford") && Has(p, "auto-control-trafford"));
        var published = (await blog.ChangesAsync(0)).Where(c => c.GetProperty("kind").GetString() == "post-published").Select(c => c.GetProperty("postId").GetString()).ToList();

        Assert.Equal("Conservatives gain Trafford from Labour: Con 4, Lab 3", Post(posts, "auto-council-trafford").GetProperty("headline").GetString());
        Assert.Equal("Conservatives gain Trafford from Labour", Post(posts, "auto-control-trafford").GetProperty("headline").GetString());
        Assert.True(Post(posts, "auto-control-trafford").GetProperty("keyEvent").GetBoolean());
        Assert.True(Post(posts, "auto-council-trafford").GetProperty("automatic").GetBoolean());
        Assert.Contains("<a href=\"/councils/trafford\">Trafford: the full result</a>", Post(posts, "auto-council-trafford").GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("Conservatives gain Altrincham in Trafford from Labour", Post(posts, "auto-ward-local-trafford-altrincham-2018-05-03").GetProperty("headline").GetString());
        Assert.Single(published, "auto-council-trafford");
        Assert.Single(published, "auto-control-trafford");
    }

    [Fact]
    public async Task ASecondNodeOnTheSameLogWritesNoAutomaticPostAgain()
    {
        await NightAsync();
        await blog.OpenAsync();
        await DeclareAsync(PagesNight.Bowdon, 1200, 800, 100);
        await DeclareAsync(PagesNight.SaleMoor, 700, 900, 50);
        await blog.EventuallyAsync(p => Has(p, "auto-council-trafford") && Has(p, "auto-control-trafford"));
        var head = await factory.HeadAsync();

        using var second = factory.WithWebHostBuilder(_ => { });
        using var reader = second.CreateClient();
        await BlogClient.PosterPassesAsync(second.Services, 1);
        var seen = await BlogClient.JsonAsync(await reader.GetAsync($"/api/blogs/{BlogClient.BlogId}/posts"));

        Assert.Equal(head, await factory.HeadAsync());
        Assert.Equal(head, seen.GetProperty("revision").GetInt64());
        Assert.Single(seen.GetProperty("posts").EnumerateArray(), p => p.GetProperty("id").GetString() == "auto-council-trafford");
    }

    [Fact]
    public async Task ACorrectionThatReversesTheOutcomeCorrectsThePostsInsteadOfDuplicatingThem()
    {
        await NightAsync();
        await blog.OpenAsync();
        await DeclareAsync(PagesNight.Bowdon, 1200, 800, 100);
        await DeclareAsync(PagesNight.SaleMoor, 700, 900, 50);
        await blog.EventuallyAsync(p => Has(p, "auto-council-trafford") && Has(p, "auto-control-trafford"));

        await DeclareAsync(PagesNight.Bowdon, 800, 1200, 100, reason: "Bundles of 50 counted for the wrong candidate");
        var posts = await blog.EventuallyAsync(p => Post(p, "auto-council-trafford").GetProperty("headline").GetString() == "Labour hold Trafford: Lab 4, Con 3");
        var changes = (await blog.ChangesAsync(0)).Where(c => c.GetProperty("postId").GetString() == "auto-control-trafford").Select(c => c.GetProperty("kind").GetString()).ToList();

        Assert.Equal("Correction: Labour hold Trafford", Post(posts, "auto-control-trafford").GetProperty("headline").GetString());
        Assert.Equal(2, Post(posts, "auto-council-trafford").GetProperty("versions").GetInt32());
        Assert.Equal(["post-published", "post-edited"], changes);
        Assert.Single(posts, p => p.GetProperty("id").GetString() == "auto-council-trafford");
    }

    [Fact]
    public async Task AnEditorsDeletionOfAnAutomaticPostIsRespected()
    {
        await NightAsync();
        var editor = await blog.OpenAsync();
        await blog.EventuallyAsync(p => Has(p, "auto-ward-local-trafford-altrincham-2018-05-03"));

        await editor.DeleteAsync($"/api/blogs/{BlogClient.BlogId}/posts/auto-ward-local-trafford-altrincham-2018-05-03");
        await DeclareAsync(PagesNight.Bowdon, 1200, 800, 100);
        await DeclareAsync(PagesNight.SaleMoor, 700, 900, 50);
        var posts = await blog.EventuallyAsync(p => Has(p, "auto-council-trafford"));

        Assert.False(Has(posts, "auto-ward-local-trafford-altrincham-2018-05-03"));
    }

    [Fact]
    public async Task KindsSwitchedOffWriteNothing()
    {
        await NightAsync();
        var editor = await blog.OpenAsync();
        await editor.PutAsJsonAsync($"/api/blogs/{BlogClient.BlogId}/settings", new { councilDeclared = false, controlChanged = false, stateOfParties = false, notableWards = false });
        var passes = factory.Services.GetRequiredService<Tallyroom.LiveBlog.AutomaticPoster>().Passes;

        await DeclareAsync(PagesNight.Bowdon, 1200, 800, 100);
        await DeclareAsync(PagesNight.SaleMoor, 700, 900, 50);
        await BlogClient.PosterPassesAsync(factory.Services, passes + 1);

        // Only what the blog wrote in the moment it opened, before the kinds were switched off, may be there.
        Assert.DoesNotContain(await blog.PostsAsync(), p => p.GetProperty("id").GetString() != "auto-ward-local-trafford-altrincham-2018-05-03");
    }
}
