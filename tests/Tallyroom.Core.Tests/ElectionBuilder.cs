using System.Collections.Immutable;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;

namespace Tallyroom.Core.Tests;

/// <summary>Builds small elections for tests: councils, ballots and declarations with readable shorthand.</summary>
internal sealed class ElectionBuilder
{
    public static readonly Party Con = PartyCatalog.Conservative;
    public static readonly Party Lab = PartyCatalog.Labour;
    public static readonly Party LD = PartyCatalog.LiberalDemocrats;
    public static readonly Party Grn = PartyCatalog.Green;

    private readonly List<ElectionEvent> events = [new ElectionDefined(new ElectionInfo { Id = "local.2018-05-03", Name = "Local elections, 3 May 2018", PollingDay = new DateOnly(2018, 5, 3) })];

    public IReadOnlyList<ElectionEvent> Events => events;

    public ElectionBuilder Council(string slug, int? statutorySize = null, string? region = null)
    {
        events.Add(new CouncilDefined(new CouncilDefinition { Slug = slug, Name = slug, StatutorySize = statutorySize, Region = region }));
        return this;
    }

    /// <summary>A ballot in <paramref name="council"/> whose candidates are named c1, c2… with the given parties.</summary>
    public ElectionBuilder Ballot(string council, string ward, int seats, params Party[] parties)
    {
        events.Add(new BallotDefined(Define(council, ward, seats, parties)));
        return this;
    }

    public ElectionBuilder Declare(string council, string ward, params int[] votesInCandidateOrder)
    {
        var ballot = events.OfType<BallotDefined>().Single(b => b.Ballot.Id == BallotId(council, ward)).Ballot;
        events.Add(new DeclarationRecorded(ByVotes(ballot, votesInCandidateOrder)));
        return this;
    }

    /// <summary>An eve-of-poll baseline: size, controller (null for NOC), continuing seats; eve-of-poll = continuing plus defended.</summary>
    public ElectionBuilder CouncilBaseline(string council, int size, Party? controlBefore, params (Party Party, int Seats)[] continuing)
    {
        events.Add(new CouncilBaselineRecorded(new Core.Baselines.CouncilBaseline
        {
            CouncilSlug = council,
            StatutorySize = size,
            ControlBefore = controlBefore,
            Continuing = [.. continuing.Select(c => new PartyCount(c.Party, c.Seats))],
            Source = "test",
        }));
        return this;
    }

    /// <summary>A ballot's baseline defending one seat per party given.</summary>
    public ElectionBuilder Defended(string council, string ward, params Party[] defended)
    {
        events.Add(new BallotBaselineRecorded(new Core.Baselines.BallotBaseline
        {
            BallotId = BallotId(council, ward),
            Kind = Core.Baselines.BaselineKind.Actual,
            LastFought = new DateOnly(2014, 5, 22),
            Defended = PartySeats.Count(defended).Entries,
            Source = "test",
        }));
        return this;
    }

    public ElectionBuilder Add(ElectionEvent e)
    {
        events.Add(e);
        return this;
    }

    public ElectionState Build() => ResultsEngine.Fold(ElectionState.Empty, events);

    public static string BallotId(string council, string ward) => $"local.{council}.{ward}.2018-05-03";

    public static BallotDefinition Define(string council, string ward, int seats, params Party[] parties) => new()
    {
        Id = BallotId(council, ward),
        CouncilSlug = council,
        WardName = ward,
        SeatsUp = seats,
        Candidates = [.. parties.Select((p, i) => new Candidate($"c{i + 1}", $"Candidate {i + 1}", p))],
    };

    /// <summary>A declaration electing the top <c>S</c> candidates by votes (no ties expected).</summary>
    public static Declaration ByVotes(BallotDefinition ballot, params int[] votes)
    {
        var winners = votes.Select((v, i) => (v, i)).OrderByDescending(x => x.v).Take(ballot.SeatsUp).Select(x => x.i).ToHashSet();
        return new Declaration
        {
            BallotId = ballot.Id,
            Results = [.. votes.Select((v, i) => new CandidateResult { CandidateId = $"c{i + 1}", Votes = v, Elected = winners.Contains(i) })],
        };
    }

    public static ImmutableArray<CandidateResult> Lines(params (int? Votes, bool Elected)[] lines) =>
        [.. lines.Select((l, i) => new CandidateResult { CandidateId = $"c{i + 1}", Votes = l.Votes, Elected = l.Elected })];
}
