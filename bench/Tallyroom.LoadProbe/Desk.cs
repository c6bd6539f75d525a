using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Tallyroom.LoadProbe;

/// <summary>
/// The results desk: finds declared ballots of the election being served and posts each one's result again,
/// unchanged, as a correction with a reason. The figures do not change; each post is a new revision all the same.
/// </summary>
internal sealed class Desk(HttpClient client, string key)
{
    private const string Reason = "Load probe: the declared result, posted again unchanged.";

    /// <summary>One posted declaration: its revision and when it was sent and acknowledged (Stopwatch ticks).</summary>
    public sealed record Posted(string BallotId, long Revision, long Sent, long Acknowledged);

    /// <summary>The log's head revision, from the scoreboard's ETag.</summary>
    public async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri("api/scoreboard", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return long.Parse(response.Headers.ETag!.Tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The bodies for correcting <paramref name="count"/> declared ballots, council by council.</summary>
    public async Task<IReadOnlyList<(string BallotId, string Body)>> DeclaredBallotsAsync(int count, CancellationToken cancellationToken)
    {
        var found = new List<(string, string)>();
        var councils = await GetJsonAsync("api/councils?status=declared", cancellationToken).ConfigureAwait(false);
        foreach (var council in councils.AsArray())
        {
            var detail = await GetJsonAsync("api/councils/" + council!["slug"]!.GetValue<string>(), cancellationToken).ConfigureAwait(false);
            foreach (var ballotId in detail["ballotIds"]!.AsArray().Select(b => b!.GetValue<string>()))
            {
                var ballot = await GetJsonAsync("api/ballots/" + ballotId, cancellationToken).ConfigureAwait(false);
                if (ballot["status"]!.GetValue<string>() != "declared")
                {
                    continue;
                }

                var body = new JsonObject
                {
                    ["results"] = new JsonArray([.. ballot["candidates"]!.AsArray().Select(c => new JsonObject
                    {
                        ["candidateId"] = c!["id"]!.DeepClone(),
                        ["votes"] = c["votes"]?.DeepClone(),
                        ["elected"] = c["elected"]?.DeepClone() ?? false,
                        ["decidedByLot"] = c["decidedByLot"]!.DeepClone(),
                    })]),
                    ["ballotPapers"] = ballot["ballotPapers"]?.DeepClone(),
                    ["rejected"] = ballot["rejected"]?.DeepClone(),
                    ["electorate"] = ballot["electorate"]?.DeepClone(),
                    ["reason"] = Reason,
                };
                found.Add((ballotId, body.ToJsonString()));
                if (found.Count == count)
                {
                    return found;
                }
            }
        }

        return found;
    }

    /// <summary>Posts one declaration and waits for its acknowledgement; waits and tries again when rate-limited.</summary>
    public async Task<Posted> DeclareAsync(string ballotId, string body, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/ballots/{Uri.EscapeDataString(ballotId)}/declaration", UriKind.Relative))
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var sent = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var acknowledged = Stopwatch.GetTimestamp();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"POST declaration for {ballotId}: {(int)response.StatusCode} {text}");
            }

            return new Posted(ballotId, JsonNode.Parse(text)!["revision"]!.GetValue<long>(), sent, acknowledged);
        }
    }

    private async Task<JsonNode> GetJsonAsync(string path, CancellationToken cancellationToken) =>
        JsonNode.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false))!;
}
