using Tallyroom.Core;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;

namespace Tallyroom.Importers.Tests.Previous;

/// <summary>A 2018 ballot for a small test election: council name, ward name, ward code (or none) and seats up.</summary>
internal sealed record TestBallot(string Council, string Ward, string? Code, int Seats)
{
    public string Id => $"local.{Slug.Make(Council)}.{Slug.Make(Ward)}.2018-05-03";
}

/// <summary>Builds a folded election of 3 May 2018 holding just the ballots a test needs.</summary>
internal static class PreviousElection
{
    public static ElectionState Of(params TestBallot[] ballots)
    {
        var events = new List<ElectionEvent>
        {
            new ElectionDefined(new ElectionInfo { Id = "local.2018-05-03", Name = "Local elections, 3 May 2018", PollingDay = new DateOnly(2018, 5, 3) }),
        };
        events.AddRange(ballots.Select(b => b.Council).Distinct().Select(c => new CouncilDefined(new CouncilDefinition { Slug = Slug.Make(c), Name = c })));
        events.AddRange(ballots.Select(b => new BallotDefined(new BallotDefinition
        {
            Id = b.Id,
            CouncilSlug = Slug.Make(b.Council),
            WardName = b.Ward,
            WardGssCode = b.Code,
            SeatsUp = b.Seats,
            Candidates = [.. Enumerable.Range(0, b.Seats + 1).Select(i => new Candidate($"c{i}", $"Candidate {i}", PartyCatalog.Independent))],
        })));
        return ResultsEngine.Fold(ElectionState.Empty, events);
    }
}
