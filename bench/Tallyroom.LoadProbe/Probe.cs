using System.Diagnostics;
using System.Globalization;

namespace Tallyroom.LoadProbe;

/// <summary>
/// Opens N subscribers of <c>/api/stream</c>, waits until every one is subscribed, then posts declarations one at a
/// time; for each, the time from the POST's response to the last subscriber receiving that revision's event.
/// </summary>
internal static class Probe
{
    private const int ConnectWave = 100;

    public static async Task<int> RunAsync(ProbeOptions options, TextWriter output)
    {
        using var stop = new CancellationTokenSource();
        using var control = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
        using var streamHandler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(30),
        };
        using var streams = new HttpClient(streamHandler) { Timeout = Timeout.InfiniteTimeSpan };
        var desk = new Desk(control, options.Key);

        var wanted = options.Warmup + options.Declarations;
        var ballots = await desk.DeclaredBallotsAsync(wanted, stop.Token).ConfigureAwait(false);
        if (ballots.Count < wanted)
        {
            await output.WriteLineAsync($"Only {ballots.Count} declared ballots were found; {wanted} are needed.").ConfigureAwait(false);
            return 1;
        }

        var rssIdle = await RssAsync(options).ConfigureAwait(false);
        var head = await desk.HeadAsync(stop.Token).ConfigureAwait(false);
        if (head < 1)
        {
            await output.WriteLineAsync("The log is empty; import an election first.").ConfigureAwait(false);
            return 1;
        }

        // Each subscriber resumes from the revision before the head, so the head's event arrives at once: that proves
        // it is subscribed (the server subscribes before it replays). Connect in waves, within the listen backlog.
        var arrivals = new Arrivals(options.Subscribers);
        var stream = new Uri(options.Url, "api/stream");
        var subscribers = Enumerable.Range(0, options.Subscribers).Select(i => new Subscriber(i, streams, stream, arrivals)).ToList();
        var running = new List<Task>();
        var connecting = Stopwatch.GetTimestamp();
        foreach (var wave in subscribers.Chunk(ConnectWave))
        {
            running.AddRange(wave.Select(s => Task.Run(() => s.RunAsync(head - 1, stop.Token))));
            if (!await WaitForAsync(() => arrivals.Received(head) >= running.Count, options.Timeout).ConfigureAwait(false))
            {
                await output.WriteLineAsync($"Only {arrivals.Received(head)} of {running.Count} subscribers connected within {options.Timeout.TotalSeconds} s.").ConfigureAwait(false);
                await StopAsync(stop, running).ConfigureAwait(false);
                return 1;
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{options.Subscribers} subscribers connected and subscribed in {Stopwatch.GetElapsedTime(connecting).TotalSeconds:0.00} s (head revision {head}).")).ConfigureAwait(false);
        var rssConnected = await RssAsync(options).ConfigureAwait(false);
        if (options.Hold > TimeSpan.Zero)
        {
            await output.WriteLineAsync($"Holding {options.Subscribers} idle connections for {options.Hold.TotalSeconds} s.").ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
            await Task.Delay(options.Hold).ConfigureAwait(false);
        }

        var samples = new List<(Desk.Posted Posted, long[] Times)>();
        var incomplete = 0;
        for (var i = 0; i < wanted; i++)
        {
            var pace = Task.Delay(options.Interval);
            var posted = await desk.DeclareAsync(ballots[i].BallotId, ballots[i].Body, stop.Token).ConfigureAwait(false);
            try
            {
                await arrivals.AllReceived(posted.Revision).WaitAsync(options.Timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                incomplete++;
            }

            if (i >= options.Warmup)
            {
                samples.Add((posted, arrivals.Times(posted.Revision)));
            }

            await pace.ConfigureAwait(false);
        }

        await StopAsync(stop, running).ConfigureAwait(false);
        var dropped = subscribers.Count(s => s.Dropped);
        var rssAfter = await RssAsync(options).ConfigureAwait(false);

        await Report(output, options, samples, incomplete, dropped, rssIdle, rssConnected, rssAfter).ConfigureAwait(false);
        return incomplete == 0 && dropped == 0 ? 0 : 1;
    }

    private static async Task Report(
        TextWriter output, ProbeOptions options, List<(Desk.Posted Posted, long[] Times)> samples, int incomplete, int dropped, long? rssIdle, long? rssConnected, long? rssAfter)
    {
        static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        var complete = samples.Where(s => s.Times.Length == options.Subscribers).ToList();
        var lastAfterAck = complete.Select(s => Ms(s.Times.Max() - s.Posted.Acknowledged)).ToList();
        var lastAfterSend = complete.Select(s => Ms(s.Times.Max() - s.Posted.Sent)).ToList();
        var firstAfterAck = complete.Select(s => Ms(s.Times.Min() - s.Posted.Acknowledged)).ToList();
        var roundTrip = samples.Select(s => Ms(s.Posted.Acknowledged - s.Posted.Sent)).ToList();
        var deliveries = samples.SelectMany(s => s.Times.Select(t => Ms(t - s.Posted.Acknowledged))).ToList();

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{samples.Count} declarations measured ({options.Warmup} warm-up before them, one every {options.Interval.TotalMilliseconds} ms at most), {options.Subscribers} subscribers; {incomplete} not received by every subscriber within {options.Timeout.TotalSeconds} s; {dropped} subscribers dropped.")).ConfigureAwait(false);
        await output.WriteLineAsync("last subscriber after the POST's response, per declaration in order (ms): " + string.Join(' ', lastAfterAck.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))).ConfigureAwait(false);
        await output.WriteLineAsync("milliseconds                                        p50      p95      p99      max").ConfigureAwait(false);
        await Line(output, "last subscriber after the POST's response", lastAfterAck).ConfigureAwait(false);
        await Line(output, "first subscriber after the POST's response", firstAfterAck).ConfigureAwait(false);
        await Line(output, "last subscriber after the POST was sent", lastAfterSend).ConfigureAwait(false);
        await Line(output, "POST round trip", roundTrip).ConfigureAwait(false);
        await Line(output, "every delivery after the POST's response", deliveries).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"deliveries that arrived before the POST's response: {deliveries.Count(d => d < 0)} of {deliveries.Count}")).ConfigureAwait(false);
        if (rssIdle is { } idle && rssConnected is { } connected)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"server VmRSS: {idle / 1024.0:0.0} MB with 0 subscribers, {connected / 1024.0:0.0} MB with {options.Subscribers} (idle, after {options.Settle.TotalSeconds} s): {(connected - idle) / (double)options.Subscribers:0.0} KB per subscriber; {rssAfter / 1024.0:0.0} MB after the run")).ConfigureAwait(false);
        }
    }

    private static Task Line(TextWriter output, string name, List<double> values)
    {
        if (values.Count == 0)
        {
            return output.WriteLineAsync($"{name,-48}  (none)");
        }

        values.Sort();
        return output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{name,-48} {Percentile(values, 50),8:0.0} {Percentile(values, 95),8:0.0} {Percentile(values, 99),8:0.0} {values[^1],8:0.0}"));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, int p) => sorted[Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var start = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(start) > timeout)
            {
                return false;
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        return true;
    }

    private static async Task StopAsync(CancellationTokenSource stop, List<Task> running)
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <summary>The server's resident set in KB (VmRSS from /proc), after letting it settle; null without --server-pid.</summary>
    private static async Task<long?> RssAsync(ProbeOptions options)
    {
        if (options.ServerPid is not { } pid)
        {
            return null;
        }

        await Task.Delay(options.Settle).ConfigureAwait(false);
        var line = (await File.ReadAllLinesAsync($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").ConfigureAwait(false))
            .First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
