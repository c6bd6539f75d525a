using Tallyroom.Core.Baselines;
using Tallyroom.Core.Counting;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Tests.Analysis;

/// <summary>
/// A small Westminster with baselines, for analysis: 8 seats (M = 5), Conservative on the eve of poll. Abbey Road
/// elects 3; Bayswater, Churchill and Hyde Park 1 each with 2014 votes; Maida Vale was redrawn (not comparable) and
/// West End has no baseline. Bayswater (a Labour gain) and Churchill are declared; the rest await.
/// </summary>
internal static class AnalysisElection
{
    public const string AbbeyRoad = "local.westminster.abbey-road.2018-05-03";
    public const string Bayswater = "local.westminster.bayswater.2018-05-03";
    public const string Churchill = "local.westminster.churchill.2018-05-03";
    public const string HydePark = "local.westminster.hyde-park.2018-05-03";
    public const string MaidaVale = "local.westminster.maida-vale.2018-05-03";
    public const string WestEnd = "local.westminster.west-end.2018-05-03";

    private static readonly Party Con = PartyCatalog.Conservative;
    private static readonly Party Lab = PartyCatalog.Labour;
    private static readonly Party LD = PartyCatalog.LiberalDemocrats;
    private static readonly Party Grn = PartyCatalog.Green;

    /// <summary>Writes the election to a fresh log; returns the revision before the two declarations and after them.</summary>
    public static async Task<(long BeforeDeclarations, long Head)> WriteAsync(string databasePath, TimeProvider clock)
    {
        await using var log = await SqliteEventLog.OpenAsync(databasePath);
        using var engine = new ResultsEngine(log, clock);
        var setUp = await engine.WriteAsync(
        [
            new ElectionDefined(new ElectionInfo { Id = "local.2018-05-03", Name = "Local elections, 3 May 2018", PollingDay = new DateOnly(2018, 5, 3) }),
            new CouncilDefined(new CouncilDefinition { Slug = "westminster", Name = "Westminster", GssCode = "E09000033", Type = CouncilType.LondonBorough, Region = "London" }),
            new BallotDefined(Ballot(AbbeyRoad, "Abbey Road", 3, Con, Con, Con, Lab, Lab, Lab, LD)),
            new BallotDefined(Ballot(Bayswater, "Bayswater", 1, Con, Lab, Grn)),
            new BallotDefined(Ballot(Churchill, "Churchill", 1, Con, Lab)),
            new BallotDefined(Ballot(HydePark, "Hyde Park", 1, Con, Lab)),
            new BallotDefined(Ballot(MaidaVale, "Maida Vale", 1, Con, Lab, LD)),
            new BallotDefined(Ballot(WestEnd, "West End", 1, Con, Lab)),
            Previous(AbbeyRoad, (Con, 1500), (Con, 1450), (Con, 1400), (Lab, 900), (Lab, 850), (Lab, 800), (LD, 300)),
            Previous(Bayswater, (Con, 1000), (Lab, 900), (Grn, 100)),
            Previous(Churchill, (Lab, 1200), (Con, 800)),
            Previous(HydePark, (Con, 1100), (Lab, 900)),
            new BallotBaselineRecorded(new BallotBaseline { BallotId = MaidaVale, Kind = BaselineKind.NotComparable, Source = "test: redrawn" }),
            new CouncilBaselineRecorded(new CouncilBaseline { CouncilSlug = "westminster", StatutorySize = 8, ControlBefore = Con, EveOfPoll = [new PartyCount(Con, 5), new PartyCount(Lab, 2)], Source = "test" }),
        ]);
        var declared = await engine.WriteAsync(
        [
            new DeclarationRecorded(new Declaration
            {
                BallotId = Bayswater,
                Results = [new() { CandidateId = "c1", Votes = 900 }, new() { CandidateId = "c2", Votes = 1000, Elected = true }, new() { CandidateId = "c3", Votes = 100 }],
                BallotPapers = 2000,
                Rejected = 10,
                Electorate = 5000,
            }),
            new DeclarationRecorded(new Declaration
            {
                BallotId = Churchill,
                Results = [new() { CandidateId = "c1", Votes = 700 }, new() { CandidateId = "c2", Votes = 1300, Elected = true }],
                BallotPapers = 2000,
                Rejected = 0,
                Electorate = 4000,
            }),
        ]);
        return (setUp.Revision, declared.Revision);
    }

    private static BallotDefinition Ballot(string id, string ward, int seats, params Party[] parties) => new()
    {
        Id = id,
        CouncilSlug = "westminster",
        WardName = ward,
        SeatsUp = seats,
        Candidates = [.. parties.Select((p, i) => new Candidate($"c{i + 1}", $"{p.Name} candidate {i + 1}", p))],
    };

    private static BallotBaselineRecorded Previous(string ballotId, params (Party Party, int Votes)[] candidates)
    {
        var seats = ballotId == AbbeyRoad ? 3 : 1;
        var elected = candidates.Select((c, i) => (c.Votes, i)).OrderByDescending(x => x.Votes).Take(seats).Select(x => x.i).ToHashSet();
        return new BallotBaselineRecorded(new BallotBaseline
        {
            BallotId = ballotId,
            Kind = BaselineKind.Actual,
            LastFought = new DateOnly(2014, 5, 22),
            Defended = PartySeats.Count(elected.Select(i => candidates[i].Party)).Entries,
            Previous = [.. candidates.Select((c, i) => new PreviousCandidate($"{c.Party.Name} 2014 {i + 1}", c.Party, c.Votes, elected.Contains(i)))],
            Source = "test: 2014",
        });
    }
}
