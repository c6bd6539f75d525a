using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Tallyroom.Tests.Web.Pages;

public sealed class BallotPageTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AWardShowsEachCandidatesVotesAndShareOfTheVotesCast()
    {
        var html = await factory.CreateClient().GetStringAsync($"/ballots/{PagesNight.Altrincham}");

        Assert.Equal(
            [
                "Candidate | Party | Votes | Share",
                "Jo Oak Elected | Conservative | 1,500 | 55.6%",
                "Al Ash | Labour | 900 | 33.3%",
                "Di Elm | Green | 300 | 11.1%",
            ],
            PageHtml.Rows(html, "candidates"));
        Assert.Equal("Votes for each candidate in Altrincham; share is of votes cast", PageHtml.Caption(html, "candidates"));
        Assert.Equal("Share is each candidate's share of the votes cast (2,700).", PageHtml.ById(html, "share-measure"));
    }

    [Fact]
    public async Task TurnoutIsBallotPapersOverTheElectorateAndSaysSo()
    {
        var text = PageHtml.Text(await factory.CreateClient().GetStringAsync($"/ballots/{PagesNight.Altrincham}"));

        Assert.Contains("Ballot-box turnout 34.3%: 2,740 ballot papers (2,720 valid, 20 rejected at the count) from an electorate of 8,000.", text, StringComparison.Ordinal);
        Assert.Contains("Turnout counts ballot papers, never votes", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWardIsComparedWithTheSeatItDefended()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock);

        var html = await factory.CreateClient().GetStringAsync($"/ballots/{PagesNight.Altrincham}");
        var text = PageHtml.Text(html);

        Assert.Equal("Conservative gain from Labour", PageHtml.ById(html, "ward-change"));
        Assert.Contains("These seats were last fought on 22 May 2014. Seats defended: Labour 1. Result: Conservative gain from Labour.", text, StringComparison.Ordinal);
        Assert.Equal(["Candidate | Party | Votes", "Al Ash Elected | Labour | 1,400", "Jo Oak | Conservative | 1,250"], PageHtml.Rows(html, "previous"));
    }

    [Fact]
    public async Task AWardWithNoComparableBaselineSaysNotComparableRatherThanAChange()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);

        var html = await factory.CreateClient().GetStringAsync($"/ballots/{PagesNight.SaleMoor}");
        var text = PageHtml.Text(html);

        Assert.Equal("Not comparable", PageHtml.ById(html, "ward-change"));
        Assert.Contains("Not comparable. This ward's boundaries changed since its seats were last fought and no notional result is available, so no gain or loss is claimed for it.", text, StringComparison.Ordinal);
        Assert.Contains("Source: Ward redrawn in 2016", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMultiMemberWardNamesItsShareMeasuresAndATieDecidedByLot()
    {
        await DeclareAsync(PagesNight.MaidaVale, new
        {
            results = new[]
            {
                new { candidateId = "m1", votes = 1500, elected = true, decidedByLot = false },
                new { candidateId = "m2", votes = 1400, elected = true, decidedByLot = false },
                new { candidateId = "m3", votes = 1300, elected = false, decidedByLot = true },
                new { candidateId = "m4", votes = 1300, elected = true, decidedByLot = true },
                new { candidateId = "m5", votes = 1200, elected = false, decidedByLot = false },
                new { candidateId = "m6", votes = 1100, elected = false, decidedByLot = false },
            },
            ballotPapers = 3000,
            rejected = 10,
            electorate = 9000,
        });

        var html = await factory.CreateClient().GetStringAsync($"/ballots/{PagesNight.MaidaVale}");
        var text = PageHtml.Text(html);

        Assert.Equal(
            [
                "Candidate | Party | Votes | Share",
                "Ann Con Elected | Conservative | 1,500 | 19.2%",
                "Bob Con Elected | Conservative | 1,400 | 17.9%",
                "Dan Lab Elected Won a tie decided by lot | Labour | 1,300 | 16.7%",
                "Cat Con Lost a tie decided by lot | Conservative | 1,300 | 16.7%",
                "Eve Lab | Labour | 1,200 | 15.4%",
                "Fay Lab | Labour | 1,100 | 14.1%",
            ],
            PageHtml.Rows(html, "candidates"));
        Assert.StartsWith("Share is each candidate's share of all the votes cast (7,800). Each voter could vote for up to 3 candidates", PageHtml.ById(html, "share-measure"), StringComparison.Ordinal);
        Assert.Equal(["Party | Top vote | Total vote", "Conservative | 53.6% | 53.8%", "Labour | 46.4% | 46.2%"], PageHtml.Rows(html, "party-shares"));
        Assert.Contains("A tie for the last seat was decided by lot", text, StringComparison.Ordinal);
        Assert.Contains("Ballot-box turnout 33.4%: 3,010 ballot papers", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorrectedResultSaysSoWithItsReason()
    {
        await DeclareAsync(PagesNight.Altrincham, PagesNight.TraffordRequest(1500, 1000, 300, reason: "A bundle of 100 Labour votes was misplaced"));

        var text = PageHtml.Text(await factory.CreateClient().GetStringAsync($"/ballots/{PagesNight.Altrincham}"));

        Assert.Contains("Corrected. This result was corrected after it was first declared (1 correction). Reason given: “A bundle of 100 Labour votes was misplaced”", text, StringComparison.Ordinal);
        Assert.Contains("Al Ash | Labour | 1,000", string.Join("\n", PageHtml.Rows(await factory.CreateClient().GetStringAsync($"/ballots/{PagesNight.Altrincham}"), "candidates")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostponedPollSaysWhyAndThatItsSeatsStayUndeclared()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock);

        var text = PageHtml.Text(await factory.CreateClient().GetStringAsync($"/ballots/{PagesNight.AbbeyRoad}"));

        Assert.Contains("Poll postponed. A candidate died. The seats stay part of the council, undeclared; a new poll follows on a later date.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWardAwaitingItsResultListsTheCandidatesInBallotPaperOrder()
    {
        var html = await factory.CreateClient().GetStringAsync($"/ballots/{PagesNight.MaidaVale}");

        Assert.Equal("Candidates standing in Maida Vale", PageHtml.Caption(html, "candidates"));
        Assert.Equal(["Candidate | Party", "Ann Con | Conservative", "Bob Con | Conservative", "Cat Con | Conservative", "Dan Lab | Labour", "Eve Lab | Labour", "Fay Lab | Labour"], PageHtml.Rows(html, "candidates"));
        Assert.Contains("Awaiting the declaration.", PageHtml.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownBallotIsA404Page()
    {
        var response = await factory.CreateClient().GetAsync("/ballots/local.atlantis.harbour.2018-05-03");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no ballot 'local.atlantis.harbour.2018-05-03' in this election.", PageHtml.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private async Task DeclareAsync(string ballotId, object body)
    {
        using var desk = factory.CreateClient();
        desk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.CreateKeyAsync("desk"));
        var response = await desk.PostAsJsonAsync($"/api/ballots/{ballotId}/declaration", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
