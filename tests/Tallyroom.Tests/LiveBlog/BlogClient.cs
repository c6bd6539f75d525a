using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tallyroom.LiveBlog;
using Tallyroom.Tests.Web;

namespace Tallyroom.Tests.LiveBlog;

/// <summary>An editor's and a reader's view of the live blog API over a <see cref="TallyroomFactory"/>.</summary>
internal sealed class BlogClient(TallyroomFactory factory)
{
    public const string Title = "Local elections — as it happened";
    public const string BlogId = "local-elections-as-it-happened";

    private HttpClient? reader;

    /// <summary>An anonymous client; the host starts when it is first used.</summary>
    public HttpClient Reader => reader ??= factory.CreateClient();

    public async Task<HttpClient> KeyedAsync(string role)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.CreateKeyAsync(role));
        return client;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Opens the blog as an editor and returns the editor's client.</summary>
    public async Task<HttpClient> OpenAsync()
    {
        var editor = await KeyedAsync("editor");
        using var response = await editor.PostAsJsonAsync("/api/blogs", new { title = Title });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return editor;
    }

    public static async Task<string> PublishAsync(HttpClient editor, string markdown, string? headline = null, bool keyEvent = false, object? quote = null)
    {
        using var response = await editor.PostAsJsonAsync($"/api/blogs/{BlogId}/posts", new { headline, markdown, keyEvent, quote });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await JsonAsync(response)).GetProperty("id").GetString()!;
    }

    /// <summary>The posts readers see, newest first.</summary>
    public async Task<List<JsonElement>> PostsAsync() =>
        [.. (await JsonAsync(await Reader.GetAsync($"/api/blogs/{BlogId}/posts"))).GetProperty("posts").EnumerateArray()];

    /// <summary>Every change in the feed after <paramref name="since"/>, following the pages to the head.</summary>
    public async Task<List<JsonElement>> ChangesAsync(long since)
    {
        var changes = new List<JsonElement>();
        var next = $"/api/changes?since={since}";
        while (true)
        {
            var page = await JsonAsync(await Reader.GetAsync(next));
            changes.AddRange(page.GetProperty("changes").EnumerateArray());
            if (page.GetProperty("until").GetInt64() >= page.GetProperty("head").GetInt64())
            {
                return changes;
            }

            next = page.GetProperty("next").GetString()!;
        }
    }

    /// <summary>Waits for the automatic poster to have looked at the results at least <paramref name="passes"/> times.</summary>
    public static async Task PosterPassesAsync(IServiceProvider services, long passes)
    {
        var poster = services.GetRequiredService<AutomaticPoster>();
        for (var i = 0; i < 100 && poster.Passes < passes; i++)
        {
            await Task.Delay(50);
        }

        Assert.True(poster.Passes >= passes, $"The automatic poster made {poster.Passes} passes, not {passes}.");
    }

    /// <summary>Waits (up to 5 s) for the readers' posts to satisfy a condition, and returns them.</summary>
    public async Task<List<JsonElement>> EventuallyAsync(Func<List<JsonElement>, bool> condition)
    {
        var posts = await PostsAsync();
        for (var i = 0; i < 100 && !condition(posts); i++)
        {
            await Task.Delay(50);
            posts = await PostsAsync();
        }

        Assert.True(condition(posts), "The posts never reached the expected state: " + string.Join(", ", posts.Select(p => p.GetProperty("id").GetString())));
        return posts;
    }
}
