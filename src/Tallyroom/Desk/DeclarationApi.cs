using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Tallyroom.Accounts;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Hosting;
using Tallyroom.Results;

namespace Tallyroom.Desk;

/// <summary>
/// Results entry by machines: <c>POST /api/ballots/{ballotId}/declaration</c>. A declaration for a declared ballot is a
/// correction and needs a reason. <c>If-Match</c> carries the revision that last changed the ballot as the client saw
/// it (409 if it has changed since); <c>Idempotency-Key</c> makes a retried request answer as the first did.
/// </summary>
internal static class DeclarationApi
{
    public static RouteGroupBuilder MapDeskApi(this IEndpointRouteBuilder routes)
    {
        var desk = routes.MapGroup("/api").WithTags("Desk").RequireAuthorization(Roles.Desk).RequireRateLimiting(WebHost.WritesPolicy);
        desk.MapPost("/ballots/{ballotId}/declaration", Declare)
            .WithName("PostDeclaration")
            .WithSummary("Declare a ballot's result, or correct it (with a reason).")
            .Accepts<DeclarationRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return desk;
    }

    private static async Task<IResult> Declare(HttpContext http, ElectionNode node, DeskWriter writer, string ballotId, [FromBody] DeclarationRequest? request, CancellationToken ct)
    {
        await node.Started.ConfigureAwait(false);
        if (!node.Current.Ballots.ContainsKey(ballotId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no ballot '{ballotId}' in this election.");
        }

        if (request?.Results is not { Count: > 0 } lines)
        {
            return Refused([new RuleViolation("results-required", "results", "A declaration lists every candidate's result.")]);
        }

        long? ifMatch = null;
        var ifMatchHeader = http.Request.Headers.IfMatch.ToString().Trim().TrimStart('W', '/').Trim('"');
        if (ifMatchHeader.Length > 0)
        {
            if (!long.TryParse(ifMatchHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
            {
                return Refused([new RuleViolation("if-match-revision", "If-Match", "If-Match must be a revision number, as in the ballot's ETag.")]);
            }

            ifMatch = revision;
        }

        var missingId = lines.Select((l, i) => (l, i)).FirstOrDefault(x => string.IsNullOrWhiteSpace(x.l.CandidateId));
        if (missingId.l is not null)
        {
            return Refused([new RuleViolation("candidate-known", $"results[{missingId.i.ToString(CultureInfo.InvariantCulture)}].candidateId", "Each result names its candidate by id.")]);
        }

        var declaration = new Declaration
        {
            BallotId = ballotId,
            Results = [.. lines.Select(l => new CandidateResult { CandidateId = l.CandidateId!, Votes = l.Votes, Elected = l.Elected, DecidedByLot = l.DecidedByLot })],
            BallotPapers = request.BallotPapers,
            Rejected = request.Rejected,
            Electorate = request.Electorate,
            Recounts = request.Recounts,
            Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
        };
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var outcome = await writer.DeclareAsync(declaration, ifMatch, key.Length == 0 ? null : key, ct).ConfigureAwait(false);
        return outcome switch
        {
            DeskWriter.Written written => Written(http, written),
            DeskWriter.Refused refused => Refused(refused.Violations),
            DeskWriter.Stale stale => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The ballot has changed",
                detail: string.Create(CultureInfo.InvariantCulture, $"If-Match: the ballot was last changed at revision {stale.Actual}, not {stale.Expected}. Fetch it again and decide."),
                extensions: new Dictionary<string, object?> { ["field"] = "If-Match", ["rule"] = "if-match-current" }),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency key reused",
                detail: "Idempotency-Key: this key was used for a different request; use a new key for a new request.",
                extensions: new Dictionary<string, object?> { ["field"] = "Idempotency-Key", ["rule"] = "idempotency-key-unique" }),
        };
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<DeclarationResponse> Written(HttpContext http, DeskWriter.Written written)
    {
        http.Response.Headers.ETag = "\"" + written.BallotRevision.ToString(CultureInfo.InvariantCulture) + "\"";
        if (written.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return TypedResults.Ok(new DeclarationResponse { Revision = written.Revision, Ballot = written.Ballot });
    }

    /// <summary>A refusal as application/problem+json: errors by field, and each broken rule by name.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Refused(IReadOnlyList<RuleViolation> violations) => TypedResults.ValidationProblem(
        violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()),
        title: "The declaration breaks the ballot rules",
        extensions: new Dictionary<string, object?> { ["rules"] = violations.Select(v => new { v.Rule, v.Field, v.Message }).ToList() });
}

/// <summary>The body of a declaration: one line per candidate, and optionally the count's paper totals, the recounts held and a reason.</summary>
internal sealed record DeclarationRequest
{
    public List<DeclarationLine>? Results { get; init; }

    public int? BallotPapers { get; init; }

    public int? Rejected { get; init; }

    public int? Electorate { get; init; }

    /// <summary>How many recounts were held before the declaration, when the returning officer says.</summary>
    public int? Recounts { get; init; }

    /// <summary>Why a declared result is corrected; required for a correction.</summary>
    public string? Reason { get; init; }
}

/// <summary>One candidate's line.</summary>
internal sealed record DeclarationLine
{
    public string? CandidateId { get; init; }

    public int? Votes { get; init; }

    public bool Elected { get; init; }

    public bool DecidedByLot { get; init; }
}

/// <summary>What a written declaration answers: the log's revision and the ballot as it now stands.</summary>
internal sealed record DeclarationResponse
{
    public required long Revision { get; init; }

    public required BallotDocument Ballot { get; init; }
}

/// <summary>
/// Writes desk declarations one at a time, so that the idempotency check and the write are atomic on this node; the
/// keys live in the log itself (on the declaration events), so a retry is recognised after a restart too.
/// </summary>
internal sealed class DeskWriter(ElectionNode node) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public abstract record Outcome;

    public sealed record Written(long Revision, long BallotRevision, BallotDocument Ballot, bool Replayed) : Outcome;

    public sealed record Refused(IReadOnlyList<RuleViolation> Violations) : Outcome;

    public sealed record Stale(long Expected, long Actual) : Outcome;

    public sealed record KeyReused : Outcome;

    public async Task<Outcome> DeclareAsync(Declaration declaration, long? ifMatch, string? idempotencyKey, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (idempotencyKey is not null && node.Journal.FindIdempotent(idempotencyKey) is { } earlier)
            {
                return earlier.BallotId == declaration.BallotId && Same(earlier.Declaration, declaration)
                    ? Document(node.Current, declaration.BallotId, earlier.Revision, replayed: true)
                    : new KeyReused();
            }

            try
            {
                var state = await node.Engine.WriteAsync(
                    [new DeclarationRecorded(declaration) { IdempotencyKey = idempotencyKey }],
                    ifMatch,
                    s => s.Ballots[declaration.BallotId].LastChangedRevision,
                    ct).ConfigureAwait(false);
                return Document(state, declaration.BallotId, state.Revision, replayed: false);
            }
            catch (RuleViolationException refusal)
            {
                return new Refused(refusal.Violations);
            }
            catch (StaleRevisionException stale)
            {
                return new Stale(stale.Expected, stale.Actual);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private static Written Document(Core.Counting.ElectionState state, string ballotId, long revision, bool replayed)
    {
        var ballot = state.Ballots[ballotId];
        return new Written(revision, ballot.LastChangedRevision, ResultsDocuments.Ballot(state, ballot), replayed);
    }

    // Declarations hold immutable arrays, which compare by reference: compare what they say instead.
    private static bool Same(Declaration a, Declaration b) =>
        JsonSerializer.Serialize(a, ResultsJson.Options) == JsonSerializer.Serialize(b, ResultsJson.Options);
}
