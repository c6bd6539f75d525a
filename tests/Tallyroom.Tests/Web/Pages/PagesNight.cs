using Tallyroom.Core.Baselines;
using Tallyroom.Core.Declarations;
using Tallyroom.Core.Elections;
using Tallyroom.Core.Events;
using Tallyroom.Core.Log;
using Tallyroom.Core.Parties;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Tests.Web.Pages;

/// <summary>
/// What the pages need on top of the small election of <see cref="TallyroomFactory"/> (Trafford's three single-seat
/// wards, Altrincham declared; Westminster's three-seat Maida Vale): Trafford's eve-of-poll baseline (7 seats, 4 for
/// a majority, Labour in control, 2 Conservative and 2 Labour seats continuing), each Trafford ward's defended seat
/// (Altrincham Labour, Bowdon Conservative, Sale Moor redrawn and not comparable), and a fourth, postponed poll in
/// Westminster (Abbey Road). Optionally Bowdon (Conservative hold) and Sale Moor (Labour) declare, which completes
/// Trafford: Conservative 4 of 7, a Conservative gain from Labour. Shared with the browser tests.
/// </summary>
internal static class PagesNight
{
    public const string Altrincham = "local.trafford.altrincham.2018-05-03";
    public const string Bowdon = "local.trafford.bowdon.2018-05-03";
    public const string SaleMoor = "local.trafford.sale-moor.2018-05-03";
    public const string MaidaVale = "local.westminster.maida-vale.2018-05-03";
    public const string AbbeyRoad = "local.westminster.abbey-road.2018-05-03";

    /// <summary>Appends the baselines and the postponed poll, and Trafford's last two wards when asked; returns the head.</summary>
    public static async Task<long> AddAsync(string databasePath, TimeProvider clock, bool declareTrafford = false)
    {
        await using var log = await SqliteEventLog.OpenAsync(databasePath);
        using var engine = new ResultsEngine(log, clock);
        await engine.CatchUpAsync();
        var state = await engine.WriteAsync(
        [
            new CouncilBaselineRecorded(new CouncilBaseline
            {
                CouncilSlug = "trafford",
                StatutorySize = 7,
                EveOfPoll = [new(PartyCatalog.Labour, 4), new(PartyCatalog.Conservative, 3)],
                ControlBefore = PartyCatalog.Labour,
                Continuing = [new(PartyCatalog.Conservative, 2), new(PartyCatalog.Labour, 2)],
                Source = "Test eve of poll",
            }),
            new BallotBaselineRecorded(new BallotBaseline
            {
                BallotId = Altrincham,
                Kind = BaselineKind.Actual,
                LastFought = new DateOnly(2014, 5, 22),
                Defended = [new(PartyCatalog.Labour, 1)],
                Previous = [new PreviousCandidate("Al Ash", PartyCatalog.Labour, 1400, true), new PreviousCandidate("Jo Oak", PartyCatalog.Conservative, 1250, false)],
                Source = "Test 2014 results",
            }),
            new BallotBaselineRecorded(new BallotBaseline
            {
                BallotId = Bowdon,
                Kind = BaselineKind.Actual,
                LastFought = new DateOnly(2014, 5, 22),
                Defended = [new(PartyCatalog.Conservative, 1)],
                Source = "Test 2014 results",
            }),
            new BallotBaselineRecorded(new BallotBaseline { BallotId = SaleMoor, Kind = BaselineKind.NotComparable, Source = "Ward redrawn in 2016" }),
            new BallotDefined(new BallotDefinition
            {
                Id = AbbeyRoad,
                CouncilSlug = "westminster",
                WardName = "Abbey Road",
                SeatsUp = 1,
                Candidates = [new("a1", "Gil Con", PartyCatalog.Conservative), new("a2", "Hal Lab", PartyCatalog.Labour)],
            }),
            new BallotPostponed(AbbeyRoad, "A candidate died"),
        ]);
        if (declareTrafford)
        {
            state = await engine.WriteAsync([new DeclarationRecorded(Trafford(Bowdon, 1200, 800, 100)), new DeclarationRecorded(Trafford(SaleMoor, 700, 900, 50))]);
        }

        return state.Revision;
    }

    /// <summary>A Trafford ward's declaration: candidate 1 Conservative, 2 Labour, 3 Green; the larger of the first two wins.</summary>
    public static Declaration Trafford(string ballotId, int con, int lab, int grn, string? reason = null) => new()
    {
        BallotId = ballotId,
        Results =
        [
            new CandidateResult { CandidateId = "1", Votes = con, Elected = con > lab },
            new CandidateResult { CandidateId = "2", Votes = lab, Elected = lab > con },
            new CandidateResult { CandidateId = "3", Votes = grn },
        ],
        BallotPapers = con + lab + grn + 5,
        Rejected = 5,
        Electorate = 9000,
        Reason = reason,
    };

    /// <summary>The same declaration as the body of <c>POST /api/ballots/{id}/declaration</c>.</summary>
    public static object TraffordRequest(int con, int lab, int grn, string? reason = null) => new
    {
        results = new[]
        {
            new { candidateId = "1", votes = con, elected = con > lab, decidedByLot = false },
            new { candidateId = "2", votes = lab, elected = lab > con, decidedByLot = false },
            new { candidateId = "3", votes = grn, elected = false, decidedByLot = false },
        },
        ballotPapers = con + lab + grn + 5,
        rejected = 5,
        electorate = 9000,
        reason,
    };
}
