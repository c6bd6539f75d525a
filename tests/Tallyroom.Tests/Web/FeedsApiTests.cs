using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tallyroom.Tests.Web;

public sealed class FeedsApiTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheChangeFeedPagesThroughEveryRevisionAndClosedPagesAreCacheableForEver()
    {
        // The factory's page size is 4; the set-up wrote 8 revisions.
        var client = factory.CreateClient();
        var first = await client.GetAsync("/api/changes?since=0");
        var firstJson = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        var next = firstJson.GetProperty("next").GetString()!;
        var second = JsonDocument.Parse(await client.GetStringAsync(next)).RootElement;
        var head = await client.GetAsync(second.GetProperty("next").GetString());

        Assert.Equal([1L, 2, 3, 4], firstJson.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("revision").GetInt64()));
        Assert.Equal("public, max-age=31536000, immutable", first.Headers.CacheControl!.ToString());
        Assert.Equal("/api/changes?since=4", next);
        Assert.Equal([5L, 6, 7, 8], second.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("revision").GetInt64()));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("public, max-age=1", head.Headers.CacheControl!.ToString());
        Assert.Equal(0, JsonDocument.Parse(await head.Content.ReadAsStringAsync()).RootElement.GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public async Task EachChangeSaysWhatChangedAndWhere()
    {
        var changes = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/changes?since=7")).RootElement.GetProperty("changes");
        var declaration = changes[0];

        Assert.Equal(("declaration", TallyroomFactory.Altrincham, "trafford"), (declaration.GetProperty("kind").GetString(), declaration.GetProperty("ballotId").GetString(), declaration.GetProperty("council").GetString()));
    }

    [Fact]
    public async Task APushReaderThatDisconnectsResumesFromItsLastEventWithoutLossOrDuplicates()
    {
        var client = factory.CreateClient();
        var desk = factory.CreateClient();
        desk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.CreateKeyAsync("desk"));

        // Connect from revision 5, read three events, then drop the connection.
        var seen = new List<long>();
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            seen.AddRange(await ReadEventsAsync(client, lastEventId: 5, count: 3, cts.Token));
        }

        // While disconnected, two declarations land.
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsJsonAsync($"/api/ballots/{TallyroomFactory.Bowdon}/declaration", Declaration(1200, 800))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsJsonAsync($"/api/ballots/{TallyroomFactory.SaleMoor}/declaration", Declaration(700, 900))).StatusCode);

        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            seen.AddRange(await ReadEventsAsync(client, lastEventId: seen[^1], count: 2, cts.Token));
        }

        Assert.Equal([6L, 7, 8, 9, 10], seen);
    }

    private static object Declaration(int con, int lab) => new
    {
        results = new[]
        {
            new { candidateId = "1", votes = con, elected = con > lab },
            new { candidateId = "2", votes = lab, elected = lab > con },
            new { candidateId = "3", votes = 10, elected = false },
        },
    };

    /// <summary>Reads <paramref name="count"/> events' ids from the stream, resuming after <paramref name="lastEventId"/>.</summary>
    private static async Task<List<long>> ReadEventsAsync(HttpClient client, long lastEventId, int count, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stream");
        request.Headers.Add("Last-Event-ID", lastEventId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        var ids = new List<long>();
        while (ids.Count < count && await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                ids.Add(long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return ids;
    }
}
