using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Tallyroom.Core.Counting;
using Tallyroom.Hosting;

namespace Tallyroom.Results.Pages;

/// <summary>
/// The reader-facing pages: the scoreboard, the councils, one council, one ward and one party. Each is a Razor
/// component rendered on the server (no interactivity, no SignalR), so a page is complete HTML that works without
/// JavaScript; <c>wwwroot/js/live.js</c> only swaps in a fresh copy of the page's main content when the night moves on.
/// Like the API, every page answers "as at" any revision (<c>?at=N</c>), carries its revision as its ETag and answers a
/// matching conditional request with 304.
/// </summary>
internal static class ResultsPages
{
    /// <summary>The name under which wwwroot's files are embedded (the root namespace, then the folder).</summary>
    private const string AssetsNamespace = "Tallyroom.wwwroot";

    /// <summary>
    /// Maps the pages and serves their CSS and JS. The files are embedded in the executable rather than read from the
    /// content root, so that <c>tallyroom serve</c> finds them whatever folder it is started from.
    /// </summary>
    public static RouteGroupBuilder MapResultsPages(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(ResultsPages).Assembly, AssetsNamespace),
            // The files carry no version in their names, so a deployment must reach readers within minutes.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=300",
        });

        // Pages are for people, not API clients: keep them out of the OpenAPI document.
        var pages = app.MapGroup("").WithTags("Pages").ExcludeFromDescription();
        pages.MapGet("/", Scoreboard).WithName("ScoreboardPage");
        pages.MapGet("/councils", Councils).WithName("CouncilsPage");
        pages.MapGet("/councils/{slug}", Council).WithName("CouncilPage");
        pages.MapGet("/ballots/{ballotId}", Ballot).WithName("BallotPage");
        pages.MapGet("/parties/{partyId}", Party).WithName("PartyPage");
        return pages;
    }

    private static async Task<IResult> Scoreboard(HttpContext http, ElectionNode node, IOptions<TallyroomOptions> options, long? at, CancellationToken ct)
    {
        var night = await NightAsync(node, at, ct).ConfigureAwait(false);
        return night.State is not { } state
            ? night.OutsideTheLog()
            : Page<ScoreboardPage>(http, options, state, at, new() { [nameof(ScoreboardPage.State)] = state, [nameof(ScoreboardPage.AsAt)] = at is not null });
    }

    private static async Task<IResult> Councils(HttpContext http, ElectionNode node, IOptions<TallyroomOptions> options, long? at, string? status, string? sort, CancellationToken ct)
    {
        var night = await NightAsync(node, at, ct).ConfigureAwait(false);
        if (night.State is not { } state)
        {
            return night.OutsideTheLog();
        }

        // An unknown filter or order is a reader's typo or an old link: show everything rather than an error page.
        var filter = CouncilFilters.Find(status);
        var order = sort == CouncilFilters.Recent ? CouncilFilters.Recent : CouncilFilters.Name;
        return Page<CouncilsPage>(http, options, state, at, new()
        {
            [nameof(CouncilsPage.State)] = state,
            [nameof(CouncilsPage.AsAt)] = at is not null,
            [nameof(CouncilsPage.Status)] = filter,
            [nameof(CouncilsPage.Sort)] = order,
        });
    }

    private static async Task<IResult> Council(HttpContext http, ElectionNode node, IOptions<TallyroomOptions> options, string slug, long? at, CancellationToken ct)
    {
        var night = await NightAsync(node, at, ct).ConfigureAwait(false);
        if (night.State is not { } state)
        {
            return night.OutsideTheLog();
        }

        return state.Councils.TryGetValue(slug, out var council)
            ? Page<CouncilPage>(http, options, state, at, new() { [nameof(CouncilPage.State)] = state, [nameof(CouncilPage.Council)] = council, [nameof(CouncilPage.AsAt)] = at is not null })
            : NotFound("Council not found", $"There is no council '{slug}' in this election.");
    }

    private static async Task<IResult> Ballot(HttpContext http, ElectionNode node, IOptions<TallyroomOptions> options, string ballotId, long? at, CancellationToken ct)
    {
        var night = await NightAsync(node, at, ct).ConfigureAwait(false);
        if (night.State is not { } state)
        {
            return night.OutsideTheLog();
        }

        return state.Ballots.TryGetValue(ballotId, out var ballot)
            ? Page<BallotPage>(http, options, state, at, new() { [nameof(BallotPage.State)] = state, [nameof(BallotPage.Ballot)] = ballot, [nameof(BallotPage.AsAt)] = at is not null })
            : NotFound("Ward not found", $"There is no ballot '{ballotId}' in this election.");
    }

    private static async Task<IResult> Party(HttpContext http, ElectionNode node, IOptions<TallyroomOptions> options, string partyId, long? at, CancellationToken ct)
    {
        var night = await NightAsync(node, at, ct).ConfigureAwait(false);
        if (night.State is not { } state)
        {
            return night.OutsideTheLog();
        }

        return NightFacts.FindParty(state, partyId) is { } party
            ? Page<PartyPage>(http, options, state, at, new() { [nameof(PartyPage.State)] = state, [nameof(PartyPage.Party)] = party, [nameof(PartyPage.AsAt)] = at is not null })
            : NotFound("Party not found", $"No candidate of party '{partyId}' stands in this election.");
    }

    private static async Task<Night> NightAsync(ElectionNode node, long? at, CancellationToken ct)
    {
        await node.Started.ConfigureAwait(false);
        return new Night(await node.StateAtAsync(at, ct).ConfigureAwait(false), at, node.Current.Revision);
    }

    /// <summary>
    /// A page's HTML is a function of the revision alone (pages "as at" a revision never mention the head), so the
    /// revision is its ETag, a past page may be cached for ever and the current one briefly, as the API's documents are.
    /// Not so for someone signed in: their page names them and carries their antiforgery token, so it is never stored
    /// and always rendered afresh.
    /// </summary>
    internal static IResult Page<TComponent>(HttpContext http, IOptions<TallyroomOptions> options, ElectionState state, long? at, Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var revision = state.Revision.ToString(CultureInfo.InvariantCulture);
        var etag = "\"" + revision + "\"";
        var headers = http.Response.Headers;
        var personal = Accounts.Sessions.IsSession(http.User);
        headers.ETag = etag;
        headers.CacheControl = personal ? Accounts.AccountEndpoints.NotStored
            : at is not null ? "public, max-age=31536000, immutable"
            : $"public, max-age={options.Value.CurrentMaxAgeSeconds.ToString(CultureInfo.InvariantCulture)}";
        headers["X-Tallyroom-Revision"] = revision;
        if (!personal && http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Any(tag => tag.Trim().TrimStart('W', '/') == etag))))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return new RazorComponentResult<TComponent>(parameters);
    }

    internal static RazorComponentResult<NotFoundPage> NotFound(string title, string detail) =>
        new(new Dictionary<string, object?> { [nameof(NotFoundPage.Title)] = title, [nameof(NotFoundPage.Detail)] = detail }) { StatusCode = StatusCodes.Status404NotFound };

    /// <summary>The state asked for (null when the revision is outside the log), with the head for the message.</summary>
    private sealed record Night(ElectionState? State, long? At, long Head)
    {
        public RazorComponentResult<NotFoundPage> OutsideTheLog() => NotFound(
            "Revision outside the log",
            string.Create(CultureInfo.InvariantCulture, $"Revision {At} is outside the results log, which runs from 0 to {Head}."));
    }
}
