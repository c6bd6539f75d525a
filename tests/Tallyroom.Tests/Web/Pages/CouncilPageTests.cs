using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Tallyroom.Tests.Web.Pages;

public sealed class CouncilPageTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task ADeclaredCouncilLeadsWithItsOutcomeAndControlBeforeAndAfter()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);

        var html = await factory.CreateClient().GetStringAsync("/councils/trafford");
        var text = PageHtml.Text(html);

        Assert.Equal("Conservatives gain Trafford from Labour", PageHtml.ById(html, "council-outcome"));
        Assert.Contains("Control now Conservative Before (eve of poll) Labour Wards declared 3 of 3 Seats 7 (3 up this year)", text, StringComparison.Ordinal);
        Assert.Contains("Conservative has a majority: 4 seats, with 4 needed.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCompositionSeparatesContinuingSeatsFromSeatsWonTonightWithChanges()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);

        var html = await factory.CreateClient().GetStringAsync("/councils/trafford");

        Assert.Equal(
            [
                "Party | Continuing | Won tonight | Total | Change",
                "Conservative | 2 | 2 | 4 | +1",
                "Labour | 2 | 1 | 3 | -1",
            ],
            PageHtml.Rows(html, "composition-table"));
        Assert.Contains("1 seat is not comparable (the ward's boundaries changed and there is no notional result to compare with) and left out of the change.", PageHtml.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCompositionBarDrawsContinuingSeatsHatchedAndMarksTheMajority()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock);

        var html = await factory.CreateClient().GetStringAsync("/councils/trafford");

        // 7 seats over 600 units: Conservative 2 continuing then 1 won, Labour 2 continuing, 2 still to declare; majority 4.
        Assert.Contains("<rect x=\"0\" y=\"4\" width=\"171.43\" height=\"32\" class=\"seg p-con continuing\"></rect>", html, StringComparison.Ordinal);
        Assert.Contains("<rect x=\"0\" y=\"4\" width=\"171.43\" height=\"32\" fill=\"url(#continuing-hatch)\" class=\"hatch\"></rect>", html, StringComparison.Ordinal);
        Assert.Contains("<rect x=\"171.43\" y=\"4\" width=\"85.71\" height=\"32\" class=\"seg p-con\"></rect>", html, StringComparison.Ordinal);
        Assert.Contains("<rect x=\"428.57\" y=\"4\" width=\"171.43\" height=\"32\" class=\"seg undeclared\"></rect>", html, StringComparison.Ordinal);
        Assert.Contains("<line x1=\"342.86\" x2=\"342.86\" y1=\"0\" y2=\"40\" class=\"majority-line\"", html, StringComparison.Ordinal);
        Assert.Equal(
            "Trafford, 7 seats: Conservative 3 (2 continuing, 1 won tonight); Labour 2 (2 continuing, 0 won tonight); 2 still to declare. A majority is 4.",
            PageHtml.ById(html, "composition-title"));
    }

    [Fact]
    public async Task WhileCountingTheCouncilSaysWhatEachPartyStillNeedsAndWhetherControlIsDecided()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock);
        var client = factory.CreateClient();
        var counting = await client.GetStringAsync("/councils/trafford");

        await DeclareAsync(PagesNight.Bowdon, PagesNight.TraffordRequest(1200, 800, 100));
        var won = PageHtml.Text(await client.GetStringAsync("/councils/trafford"));

        Assert.Equal("Counting: 1 of 3 wards declared", PageHtml.ById(counting, "council-outcome"));
        Assert.Equal(
            [
                "Party | Seats so far | Still needs | Can it win?",
                "Conservative | 3 | 1 | Needs 1 of the 2 seats still to declare",
                "Labour | 2 | 2 | Needs 2 of the 2 seats still to declare",
            ],
            PageHtml.Rows(counting, "prospects"));
        Assert.Contains("Control is still open: 2 seats are still to declare. Conservative and Labour can still win a majority.", PageHtml.Text(counting), StringComparison.Ordinal);
        Assert.Contains("Conservative has won control: 4 seats, with 4 needed, whatever the wards still to declare say.", won, StringComparison.Ordinal);
        Assert.Contains("Labour | 2 | 2 | Cannot win control", string.Join("\n", PageHtml.Rows(await client.GetStringAsync("/councils/trafford"), "prospects")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWardTableMarksGainsNotComparableSeatsAndPostponedPolls()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);
        var client = factory.CreateClient();

        var trafford = await client.GetStringAsync("/councils/trafford");
        var westminster = await client.GetStringAsync("/councils/westminster");

        Assert.Equal(
            [
                "Ward | Won by | Change",
                "Altrincham | Conservative | Gain Conservative gain from Labour",
                "Bowdon | Conservative | Conservative hold",
                "Sale Moor | Labour | Not comparable",
            ],
            PageHtml.Rows(trafford, "wards"));
        Assert.Contains("<tr class=\"gain\">", trafford, StringComparison.Ordinal);
        Assert.Equal(
            [
                "Ward | Won by | Change",
                "Abbey Road | Poll postponed A candidate died |",
                "Maida Vale 3 seats up | Awaiting result |",
            ],
            PageHtml.Rows(westminster, "wards"));
    }

    [Fact]
    public async Task ACouncilWithNoEveOfPollBaselineSaysControlBeforeIsNotKnown()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock);

        var text = PageHtml.Text(await factory.CreateClient().GetStringAsync("/councils/westminster"));

        Assert.Contains("Control now Not yet decided Before (eve of poll) Not known Wards declared 0 of 2 (1 postponed)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCouncilPageExplainsContinuingSeatsAndTheMajority()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock);

        var text = PageHtml.Text(await factory.CreateClient().GetStringAsync("/councils/trafford"));

        Assert.Contains("A party needs 4 of the 7 seats, more than half, to control the council", text, StringComparison.Ordinal);
        Assert.Contains("Continuing seats belong to councillors who were not up for election this year", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCouncilPageShowsTheSwingTheSwingEachPartyNeedsAndTheChallengersTargetWards()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock);

        var html = await factory.CreateClient().GetStringAsync("/councils/trafford");

        // Altrincham: Con 1,250 / Lab 1,400 of 2,650 last time, Con 1,500 / Lab 900 of 2,700 now:
        // ((55.56 − 47.17) + (52.83 − 33.33)) / 2 = 13.9; Labour led last time, so the swing is from Labour.
        Assert.Equal("13.9 points swing from Labour to Conservative", PageHtml.ById(html, "council-swing"));
        Assert.Contains("Butler swing from Labour to Conservative, from aggregate top vote shares over 1 ward.", PageHtml.Text(html), StringComparison.Ordinal);
        // Conservative: 2 continuing + Bowdon (defended, no votes then) = 3 of 4; Altrincham at (52.83 − 47.17) / 2.
        Assert.StartsWith(
            "Conservative needs a swing of 2.83 points from each seat's holders for a majority (4 of 7) in Trafford: 1 gain",
            PageHtml.ById(html, "swing-needed"), StringComparison.Ordinal);
        Assert.Equal(["Ward | Swing needed | Held by", "Altrincham | 2.83 | Labour"], PageHtml.Rows(html, "targets"));
        Assert.Contains($"<a href=\"/ballots/{PagesNight.Altrincham}\">Altrincham</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileCountingTheCouncilPageShowsTheProjectionLabelledWithItsBasisAndRange()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock);

        var html = await factory.CreateClient().GetStringAsync("/councils/trafford");

        // One comparable ward declared anywhere, so the nation's change (Con +8.4, Lab −19.5, Green new at 11.1):
        // Bowdon keeps its defended Conservative seat (no votes last time); redrawn Sale Moor takes Trafford's shares
        // last time (Lab 52.8, Con 47.2), changed: Con 55.6, Lab 33.3, Green 11.1.
        Assert.Equal("Projected: Conservative majority is most likely", PageHtml.ById(html, "projection-control"));
        Assert.StartsWith("Projection (Tallyroom's model, not a result): uniform change in top vote share by party applied to last time's shares in the 2 seats still to declare; too few wards here, so changes from 1 declared ward nationally",
            PageHtml.ById(html, "projection-basis"), StringComparison.Ordinal);
        Assert.Equal("Changes from: nation", PageHtml.ById(html, "projection-basis-name"));
        Assert.Equal(["Party | Seats so far | Projected | Range", "Conservative | 3 | 5 | 5–5", "Labour | 2 | 2 | 2–2"], PageHtml.Rows(html, "projection"));
    }

    [Fact]
    public async Task OnceDeclaredTheCouncilPageHasNoProjection()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);

        var html = await factory.CreateClient().GetStringAsync("/councils/trafford");

        Assert.DoesNotContain("projection-heading", html, StringComparison.Ordinal);
        Assert.Contains("swing-heading", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCouncilIsA404PageNamingIt()
    {
        var response = await factory.CreateClient().GetAsync("/councils/atlantis");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1>Council not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("There is no council 'atlantis' in this election.", PageHtml.Text(html), StringComparison.Ordinal);
    }

    private async Task DeclareAsync(string ballotId, object body)
    {
        using var desk = factory.CreateClient();
        desk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.CreateKeyAsync("desk"));
        var response = await desk.PostAsJsonAsync($"/api/ballots/{ballotId}/declaration", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
