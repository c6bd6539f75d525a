using System.Diagnostics;
using System.Globalization;

namespace Tallyroom.LoadProbe;

/// <summary>One push subscriber: holds <c>GET /api/stream</c> open and notes when each event (by id) arrives.</summary>
internal sealed class Subscriber(int index, HttpClient client, Uri stream, Arrivals arrivals)
{
    /// <summary>True when the server ended the stream before the probe did (a dropped subscriber).</summary>
    public bool Dropped { get; private set; }

    public async Task RunAsync(long lastEventId, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, stream);
            request.Headers.Add("Last-Event-ID", lastEventId.ToString(CultureInfo.InvariantCulture));
            request.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            long? id = null;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                // An event ends with a blank line; the server writes its id after its data, so this is when it has all come.
                if (line.Length == 0)
                {
                    if (id is { } revision)
                    {
                        arrivals.Record(revision, index, Stopwatch.GetTimestamp());
                    }

                    id = null;
                }
                else if (line.StartsWith("id:", StringComparison.Ordinal))
                {
                    id = long.Parse(line.AsSpan(3).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
                }
            }

            Dropped = true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The probe is done.
        }
        catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
        {
            Dropped = true;
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            Dropped = true;
        }
    }
}
