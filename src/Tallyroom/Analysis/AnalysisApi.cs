using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tallyroom.Core.Analysis;
using Tallyroom.Core.Counting;
using Tallyroom.Hosting;
using Tallyroom.Results;

namespace Tallyroom.Analysis;

/// <summary>
/// <c>GET /api/councils/{slug}/analysis</c>: a council's shares, swing, swing needed, target list, turnout and, while it
/// counts, its projection; <c>GET /api/analysis</c>: the nation's shares, swing, turnout, projection and PNS-style
/// share. Both "as at" any revision with an ETag and conditional requests, like the rest of the read API.
/// </summary>
internal static class AnalysisApi
{
    private const string MethodDescription = "How a multi-member ward's votes become a party's share: top (each party's best candidate; the default), average (votes per candidate) or total (all its votes).";

    private const string BasisDescription = "Which result each seat is judged on for the swing needed: previous (last time's shares for every seat, declared or not; the default) or declared (declared seats as declared).";

    private const string AtDescription = "Answer as the log stood at this revision (cacheable for ever).";

    public static RouteGroupBuilder MapAnalysisApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Analysis");
        api.MapGet("/councils/{slug}/analysis", Council)
            .WithName("GetCouncilAnalysis")
            .WithSummary("A council's vote shares with change, swing between the top two (Butler and Steed), swing needed for control, a target list, turnout and, while it counts, the projection of its composition and control. Optional party, from, method=top|average|total, basis=previous|declared, at.")
            .Produces<AnalysisDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/analysis", National)
            .WithName("GetNationalAnalysis")
            .WithSummary("The nation's vote shares with change, swing between the two leading parties, turnout, the projection of councils and seats, and a PNS-style projected national share (Tallyroom's estimate, not the BBC's). Optional method=top|average|total, at.")
            .Produces<NationalAnalysisDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> National(
        HttpContext http,
        ElectionNode node,
        RevisionResponses responses,
        [Description(MethodDescription)] string? method,
        [Description(AtDescription)] long? at,
        CancellationToken ct)
    {
        if (AnalysisInputs.Method(method ?? "top") is not { } shareMethod)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["method"] = [$"'{method}' is not one of {AnalysisInputs.MethodChoices}."] });
        }

        await node.Started.ConfigureAwait(false);
        if (await node.StateAtAsync(at, ct).ConfigureAwait(false) is not { } state)
        {
            return OutsideTheLog(at!.Value, node);
        }

        var resource = string.Create(CultureInfo.InvariantCulture, $"analysis?{shareMethod}");
        return responses.Json(http, resource, state, at is not null, s => AnalysisDocuments.National(s, NationalAnalysis.Of(s, shareMethod)));
    }

    private static async Task<IResult> Council(
        HttpContext http,
        ElectionNode node,
        RevisionResponses responses,
        string slug,
        [Description("The party whose target list to give, as you would type it (Labour, PP53, or a party's name or register id); default: the main challenger.")] string? party,
        [Description("The one opponent the party's swing comes from (needs party); default: in each ward, the parties whose seats it would take.")] string? from,
        [Description(MethodDescription)] string? method,
        [Description(BasisDescription)] string? basis,
        [Description(AtDescription)] long? at,
        CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var shareMethod = AnalysisInputs.Method(method ?? "top");
        var targetBasis = AnalysisInputs.Basis(basis ?? "previous");
        if (shareMethod is null)
        {
            problems["method"] = [$"'{method}' is not one of {AnalysisInputs.MethodChoices}."];
        }

        if (targetBasis is null)
        {
            problems["basis"] = [$"'{basis}' is not one of {AnalysisInputs.BasisChoices}."];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        await node.Started.ConfigureAwait(false);
        if (await node.StateAtAsync(at, ct).ConfigureAwait(false) is not { } state)
        {
            return OutsideTheLog(at!.Value, node);
        }

        if (!state.Councils.TryGetValue(slug, out var council))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no council '{slug}' in this election.",
                extensions: new Dictionary<string, object?> { ["field"] = "council" });
        }

        var to = party is null ? null : AnalysisInputs.Party(state, council, party);
        var opponent = from is null ? null : AnalysisInputs.Party(state, council, from);
        if (party is not null && to is null)
        {
            problems["party"] = [$"No party '{party}' in this election."];
        }
        else if (to is not null && !AnalysisInputs.Stands(state, council, to))
        {
            problems["party"] = [$"{to.Name} has no candidate in {council.Definition.Name}."];
        }

        if (from is not null && opponent is null)
        {
            problems["from"] = [$"No party '{from}' in this election."];
        }
        else if (opponent is not null && to is null)
        {
            problems["from"] = ["An opponent needs a party: give party as well."];
        }
        else if (opponent is not null && opponent.Id == to!.Id)
        {
            problems["from"] = [$"The swing to {to.Name} cannot come from {to.Name}."];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var options = new AnalysisOptions { Method = shareMethod!.Value, Basis = targetBasis!.Value, Party = to, From = opponent };
        var resource = string.Create(CultureInfo.InvariantCulture, $"analysis/{slug}?{options.Method}&{options.Basis}&{to?.Id}&{opponent?.Id}");
        return responses.Json(http, resource, state, at is not null, s => AnalysisDocuments.Analysis(s, council, CouncilAnalysis.Of(s, council, options)));
    }

    private static ProblemHttpResult OutsideTheLog(long at, ElectionNode node) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Revision outside the log",
        detail: string.Create(CultureInfo.InvariantCulture, $"at: revision {at} is outside the log, which runs from 0 to {node.Current.Revision}."),
        extensions: new Dictionary<string, object?> { ["field"] = "at", ["rule"] = "revision-in-log" });
}
