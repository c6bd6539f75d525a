using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tallyroom.Core.Counting;
using Tallyroom.Hosting;

namespace Tallyroom.Results;

/// <summary>
/// The read API: scoreboard, councils, ballots and parties, the same JSON the CLI prints, each answerable "as at" any
/// revision (<c>?at=N</c>) with an ETag and conditional requests; and the results as CSV in Democracy Club's layout.
/// </summary>
internal static class ResultsApi
{
    public static RouteGroupBuilder MapResultsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Results");
        api.MapGet("/scoreboard", Scoreboard).WithName("GetScoreboard").WithSummary("The national scoreboard: State of parties after N of M councils, with changes.");
        api.MapGet("/councils", Councils).WithName("GetCouncils").WithSummary("Every council: control, outcome and progress. Filter with status=declared|awaiting|changed.");
        api.MapGet("/councils/{slug}", Council).WithName("GetCouncil").WithSummary("One council: its ONS region, composition, continuing seats, control before and after, seat changes, prospects.");
        api.MapGet("/ballots/{ballotId}", Ballot).WithName("GetBallot").WithSummary("One ballot: candidates, votes, who was elected, turnout, baseline.");
        api.MapGet("/parties", Parties).WithName("GetParties").WithSummary("Every party standing: candidates, seats won and councils controlled.");
        api.MapGet("/results.csv", Csv).WithName("GetResultsCsv").WithSummary("Every declared candidate result, in Democracy Club's CSV layout.");
        return api;
    }

    private static async Task<IResult> Scoreboard(HttpContext http, ElectionNode node, RevisionResponses responses, long? at, CancellationToken ct) =>
        await StateAt(node, at, ct).ConfigureAwait(false) is { } state
            ? responses.Json(http, "scoreboard", state, at is not null, ResultsDocuments.Scoreboard)
            : OutsideTheLog(at!.Value, node);

    private static async Task<IResult> Councils(HttpContext http, ElectionNode node, RevisionResponses responses, long? at, string? status, CancellationToken ct)
    {
        if (status is not (null or "declared" or "awaiting" or "changed"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"'{status}' is not one of declared, awaiting, changed."] });
        }

        return await StateAt(node, at, ct).ConfigureAwait(false) is { } state
            ? responses.Json(http, "councils?" + status, state, at is not null, s => ResultsDocuments.Councils(s, status))
            : OutsideTheLog(at!.Value, node);
    }

    private static async Task<IResult> Council(HttpContext http, ElectionNode node, RevisionResponses responses, string slug, long? at, CancellationToken ct)
    {
        if (await StateAt(node, at, ct).ConfigureAwait(false) is not { } state)
        {
            return OutsideTheLog(at!.Value, node);
        }

        return state.Councils.TryGetValue(slug, out var council)
            ? responses.Json(http, "council/" + slug, state, at is not null, s => ResultsDocuments.Council(s, council))
            : NotFound("council", $"There is no council '{slug}' in this election.");
    }

    private static async Task<IResult> Ballot(HttpContext http, ElectionNode node, RevisionResponses responses, string ballotId, long? at, CancellationToken ct)
    {
        if (await StateAt(node, at, ct).ConfigureAwait(false) is not { } state)
        {
            return OutsideTheLog(at!.Value, node);
        }

        return state.Ballots.TryGetValue(ballotId, out var ballot)
            ? responses.Json(http, "ballot/" + ballotId, state, at is not null, s => ResultsDocuments.Ballot(s, ballot))
            : NotFound("ballot", $"There is no ballot '{ballotId}' in this election.");
    }

    private static async Task<IResult> Parties(HttpContext http, ElectionNode node, RevisionResponses responses, long? at, CancellationToken ct) =>
        await StateAt(node, at, ct).ConfigureAwait(false) is { } state
            ? responses.Json(http, "parties", state, at is not null, ResultsDocuments.Parties)
            : OutsideTheLog(at!.Value, node);

    private static async Task<IResult> Csv(HttpContext http, ElectionNode node, RevisionResponses responses, long? at, CancellationToken ct) =>
        await StateAt(node, at, ct).ConfigureAwait(false) is { } state
            ? responses.Respond(http, "results.csv", state, at is not null, "text/csv; charset=utf-8", ResultsCsv.Render)
            : OutsideTheLog(at!.Value, node);

    private static async Task<ElectionState?> StateAt(ElectionNode node, long? at, CancellationToken ct)
    {
        await node.Started.ConfigureAwait(false);
        return await node.StateAtAsync(at, ct).ConfigureAwait(false);
    }

    private static ProblemHttpResult OutsideTheLog(long at, ElectionNode node) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Revision outside the log",
        detail: string.Create(CultureInfo.InvariantCulture, $"at: revision {at} is outside the log, which runs from 0 to {node.Current.Revision}."),
        extensions: new Dictionary<string, object?> { ["field"] = "at", ["rule"] = "revision-in-log" });

    private static ProblemHttpResult NotFound(string field, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail, extensions: new Dictionary<string, object?> { ["field"] = field });
}
