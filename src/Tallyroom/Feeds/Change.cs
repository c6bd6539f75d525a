using Tallyroom.Core.Counting;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Results;

namespace Tallyroom.Feeds;

/// <summary>
/// What one revision of the log changed, as readers are told it in the change feed and the push stream. Immutable.
/// </summary>
internal sealed record Change
{
    public required long Revision { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>
    /// <c>declaration</c>, <c>correction</c>, <c>postponement</c>, <c>statistics</c>, <c>ballot-defined</c>,
    /// <c>ballot-baseline</c>, <c>council-defined</c>, <c>council-baseline</c> or <c>election-defined</c>.
    /// </summary>
    public required string Kind { get; init; }

    public string? BallotId { get; init; }

    public string? Council { get; init; }

    /// <summary>For a correction, the reason given.</summary>
    public string? Reason { get; init; }

    /// <summary>True when this change completed the council's declaration.</summary>
    public bool CouncilDeclared { get; init; }

    /// <summary>The council's control after the change, when it changed: a party, "No overall control", or null.</summary>
    public string? ControlChangedTo { get; init; }

    /// <summary>The council's outcome after the change, when the council is declared and the outcome changed.</summary>
    public OutcomeDocument? Outcome { get; init; }

    public static Change Of(AppliedEvent applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        var (kind, ballotId, council, reason) = applied.Event switch
        {
            DeclarationRecorded d => (applied.Before.Ballots[d.Declaration.BallotId].HasResult ? "correction" : "declaration", d.Declaration.BallotId, CouncilOf(applied, d.Declaration.BallotId), d.Declaration.Reason),
            BallotPostponed p => ("postponement", p.BallotId, CouncilOf(applied, p.BallotId), p.Reason),
            BallotStatisticsRecorded s => ("statistics", s.Statistics.BallotId, CouncilOf(applied, s.Statistics.BallotId), null),
            BallotDefined b => ("ballot-defined", b.Ballot.Id, b.Ballot.CouncilSlug, null),
            BallotBaselineRecorded b => ("ballot-baseline", b.Baseline.BallotId, CouncilOf(applied, b.Baseline.BallotId), null),
            CouncilDefined c => ("council-defined", null, c.Council.Slug, null),
            CouncilBaselineRecorded c => ("council-baseline", null, c.Baseline.CouncilSlug, null),
            _ => ("election-defined", (string?)null, (string?)null, (string?)null),
        };
        var change = new Change { Revision = applied.Revision, RecordedAt = applied.RecordedAt, Kind = kind, BallotId = ballotId, Council = council, Reason = kind == "correction" ? reason : null };
        if (council is null || !applied.After.Councils.TryGetValue(council, out var after))
        {
            return change;
        }

        applied.Before.Councils.TryGetValue(council, out var before);
        var outcome = after.Outcome;
        return change with
        {
            CouncilDeclared = after.Declared && before is not { Declared: true },
            ControlChangedTo = before?.Control != after.Control ? after.Control.Label : null,
            Outcome = outcome is not null && (before?.Outcome != outcome) ? ResultsDocuments.Outcome(after.Definition.Name, outcome) : null,
        };
    }

    private static string CouncilOf(AppliedEvent applied, string ballotId) => applied.After.Ballots[ballotId].Definition.CouncilSlug;
}
