using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Tallyroom.Hosting;

namespace Tallyroom.Feeds;

/// <summary>
/// What changed, by revision: a pageable change feed whose closed pages never change (cacheable for ever; the open
/// head briefly), and a Server-Sent Events stream, one event per revision, resumable with <c>Last-Event-ID</c>.
/// </summary>
internal static class FeedsApi
{
    public static RouteGroupBuilder MapFeedsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Feeds");
        api.MapGet("/changes", Changes).WithName("GetChanges").WithSummary("What changed after revision `since`, oldest first, with a link to the next page.");
        api.MapGet("/stream", Stream).Produces<Change>(StatusCodes.Status200OK, "text/event-stream").WithName("GetStream").WithSummary("Server-Sent Events: one event per revision (id = revision); resume with Last-Event-ID.");
        return api;
    }

    private static async Task<IResult> Changes(HttpContext http, ElectionNode node, IOptions<TallyroomOptions> options, long? since, int? limit)
    {
        await node.Started.ConfigureAwait(false);
        var after = since ?? 0;
        var size = Math.Clamp(limit ?? options.Value.ChangesPageSize, 1, options.Value.ChangesPageSize);
        if (after < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["since"] = ["since must be a revision, 0 or more."] });
        }

        var page = node.Journal.Since(after, size);
        var until = page.Count > 0 ? page[^1].Revision : after;

        // A full page is a closed range: the revisions in it are final, so it may be cached for ever. A short page is
        // the open head: the next revision may arrive at any moment.
        var closed = page.Count == size;
        http.Response.Headers.CacheControl = closed ? "public, max-age=31536000, immutable" : "public, max-age=1";
        http.Response.Headers.ETag = "\"" + until.ToString(CultureInfo.InvariantCulture) + "\"";
        var next = limit is null
            ? string.Create(CultureInfo.InvariantCulture, $"/api/changes?since={until}")
            : string.Create(CultureInfo.InvariantCulture, $"/api/changes?since={until}&limit={size}");
        http.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        return TypedResults.Ok(new ChangesPage { Since = after, Until = until, Head = node.Current.Revision, Changes = page, Next = next });
    }

    private static async Task Stream(HttpContext http, ElectionNode node, long? lastEventId)
    {
        await node.Started.ConfigureAwait(false);
        var header = http.Request.Headers["Last-Event-ID"].ToString();
        var after = long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var fromHeader) ? fromHeader : lastEventId ?? node.Current.Revision;
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();

        // Subscribe before replaying, so that nothing published meanwhile is missed; skip what the replay already sent.
        var live = node.Broadcaster.Subscribe();
        var writer = response.BodyWriter;
        var ct = http.RequestAborted;
        try
        {
            var sent = after;
            while (node.Journal.Since(sent, 1000) is { Count: > 0 } backlog)
            {
                foreach (var change in backlog)
                {
                    writer.Write(ChangeFrame.Of(change).Bytes.Span);
                    sent = change.Revision;
                }

                await writer.FlushAsync(ct).ConfigureAwait(false);
            }

            await writer.FlushAsync(ct).ConfigureAwait(false);

            // Frames are the same bytes for every subscriber; whatever has queued up goes out in one flush.
            while (await live.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                while (live.TryRead(out var frame))
                {
                    if (frame.Revision > sent)
                    {
                        writer.Write(frame.Bytes.Span);
                        sent = frame.Revision;
                    }
                }

                await writer.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The reader went away.
        }
        finally
        {
            node.Broadcaster.Unsubscribe(live);
        }
    }
}

/// <summary>A page of the change feed.</summary>
internal sealed record ChangesPage
{
    public required long Since { get; init; }

    public required long Until { get; init; }

    public required long Head { get; init; }

    public required IReadOnlyList<Change> Changes { get; init; }

    public required string Next { get; init; }
}
