using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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

    [Fact]
    public async Task ALiveDeclarationReachesAnOpenStreamAsOneEventNamingItsBallotAndCouncil()
    {
        var desk = factory.CreateClient();
        desk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.CreateKeyAsync("desk"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stream");
        using var response = await factory.CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));

        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsJsonAsync($"/api/ballots/{TallyroomFactory.Bowdon}/declaration", Declaration(1200, 800), cts.Token)).StatusCode);

        var lines = new List<string>();
        while (await reader.ReadLineAsync(cts.Token) is { Length: > 0 } line)
        {
            lines.Add(line);
        }

        Assert.Equal(3, lines.Count);
        Assert.StartsWith("id: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("event: change", lines[1]);
        using var data = JsonDocument.Parse(lines[2]["data: ".Length..]);
        Assert.Equal(long.Parse(lines[0][4..], System.Globalization.CultureInfo.InvariantCulture), data.RootElement.GetProperty("revision").GetInt64());
        Assert.Equal(("declaration", TallyroomFactory.Bowdon, "trafford"), (data.RootElement.GetProperty("kind").GetString(), data.RootElement.GetProperty("ballotId").GetString(), data.RootElement.GetProperty("council").GetString()));
    }

    [Fact]
    public async Task StoppingTheServerEndsOpenStreamsInsteadOfWaitingForThem()
    {
        // On Kestrel, as served: the in-memory test server aborts open requests on stopping, Kestrel waits for them.
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)) };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stream");
        request.Headers.Add("Last-Event-ID", "1");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        Assert.Equal("id: 2", await reader.ReadLineAsync(cts.Token));

        // Kestrel's shutdown timeout is 30 s; a stream left open would hold the stop up that long.
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await factory.Services.GetRequiredService<IHost>().StopAsync(cts.Token);
        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        await reader.ReadToEndAsync(cts.Token);
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
