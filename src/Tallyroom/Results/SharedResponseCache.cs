using System.Collections.Concurrent;
using System.Globalization;
using Tallyroom.Hosting;

namespace Tallyroom.Results;

/// <summary>
/// The current revision's public API responses, answered at the front of the pipeline. The same bytes are what every
/// reader gets for a URL until the next revision (no per-user content, nothing to authorise), so routing, parameter
/// binding and the rest of the pipeline would only repeat themselves; at a results night's read rates they are most of
/// the cost of a request. Entries are put here by <see cref="RevisionResponses"/> when it answers for the current
/// revision, and are ignored as soon as the log moves on. Pages are never put here (they show who is signed in).
/// Thread-safe.
/// </summary>
internal sealed class SharedResponseCache(ElectionNode node)
{
    private const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public void Put(HttpRequest request, long revision, string contentType, string cacheControl, byte[] body)
    {
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[Key(request)] = new Entry(revision, "\"" + revision.ToString(CultureInfo.InvariantCulture) + "\"", revision.ToString(CultureInfo.InvariantCulture), contentType, cacheControl, body);
    }

    /// <summary>Answers the request from the cache when it holds the current revision's response; otherwise passes it on.</summary>
    public Task ServeAsync(HttpContext http, Func<Task> next)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) || !node.Started.IsCompletedSuccessfully
            || !entries.TryGetValue(Key(request), out var entry) || entry.Revision != node.Current.Revision)
        {
            return next();
        }

        var response = http.Response;
        var headers = response.Headers;
        WebHost.AddSecurityHeaders(http);
        headers.ETag = entry.ETag;
        headers.CacheControl = entry.CacheControl;
        headers["X-Tallyroom-Revision"] = entry.RevisionText;
        if (RevisionResponses.Matches(request, entry.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = entry.ContentType;
        response.ContentLength = entry.Body.Length;
        return response.Body.WriteAsync(entry.Body, http.RequestAborted).AsTask();
    }

    private static string Key(HttpRequest request) => request.Path.Value + request.QueryString.Value;

    private sealed record Entry(long Revision, string ETag, string RevisionText, string ContentType, string CacheControl, byte[] Body);
}
