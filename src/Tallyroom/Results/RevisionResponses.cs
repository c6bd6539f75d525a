using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tallyroom.Core.Counting;
using Tallyroom.Hosting;

namespace Tallyroom.Results;

/// <summary>
/// Answers GETs from a state's revision: <c>ETag</c> is the revision, a matching <c>If-None-Match</c> gets 304, and the
/// serialised body is kept per (resource, revision), so a popular view is serialised once per revision however many
/// readers ask. A past revision never changes, so its responses may be cached for ever. Thread-safe.
/// </summary>
internal sealed class RevisionResponses(IOptions<TallyroomOptions> options, SharedResponseCache shared)
{
    private const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<string, (long Revision, byte[] Body)> bodies = new(StringComparer.Ordinal);

    public IResult Json<T>(HttpContext http, string resource, ElectionState state, bool asAt, Func<ElectionState, T> document) =>
        Respond(http, resource, state, asAt, "application/json; charset=utf-8", s => JsonSerializer.SerializeToUtf8Bytes(document(s), ResultsJson.Options));

    public IResult Respond(HttpContext http, string resource, ElectionState state, bool asAt, string contentType, Func<ElectionState, byte[]> render)
    {
        var etag = "\"" + state.Revision.ToString(CultureInfo.InvariantCulture) + "\"";
        var headers = http.Response.Headers;
        headers.ETag = etag;
        var cacheControl = asAt ? "public, max-age=31536000, immutable" : $"public, max-age={options.Value.CurrentMaxAgeSeconds.ToString(CultureInfo.InvariantCulture)}";
        headers.CacheControl = cacheControl;
        headers["X-Tallyroom-Revision"] = state.Revision.ToString(CultureInfo.InvariantCulture);
        if (Matches(http.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var key = resource + "@" + state.Revision.ToString(CultureInfo.InvariantCulture);
        if (!bodies.TryGetValue(key, out var cached) || cached.Revision != state.Revision)
        {
            if (bodies.Count >= MaxEntries)
            {
                bodies.Clear();
            }

            cached = (state.Revision, render(state));
            bodies[key] = cached;
        }

        if (!asAt)
        {
            shared.Put(http.Request, state.Revision, contentType, cacheControl, cached.Body);
        }

        return TypedResults.Bytes(cached.Body, contentType);
    }

    /// <summary>Whether the request's <c>If-None-Match</c> names <paramref name="etag"/> (weakly) or is <c>*</c>.</summary>
    public static bool Matches(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Any(tag => tag.Trim().TrimStart('W', '/') == etag)));
}
