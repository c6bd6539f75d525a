using System.Net;

namespace Tallyroom.Tests.Web.Pages;

public sealed class PartyPageTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task APartyShowsItsCandidatesSeatsAndCouncils()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);

        var html = await factory.CreateClient().GetStringAsync("/parties/PP52");
        var text = PageHtml.Text(html);

        Assert.Contains("Candidates 7 in 2 councils Seats won so far 2 in 3 wards declared Councils controlled 1 (+1) of 1 declared Seat change, declared councils +1", text, StringComparison.Ordinal);
        Assert.Equal(
            [
                "Council | Candidates | Seats won | Change",
                "Trafford Declared: Conservative | 3 | 2 | +1",
                "Westminster Counting: 0 of 2 wards | 4 | 0 | –",
            ],
            PageHtml.Rows(html, "by-council"));
    }

    [Fact]
    public async Task APartyShowsTheCouncilsAndWardsItGainedAndLost()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);
        var client = factory.CreateClient();

        var conservative = PageHtml.Text(await client.GetStringAsync("/parties/PP52"));
        var labour = PageHtml.Text(await client.GetStringAsync("/parties/PP53"));

        Assert.Contains("Gained (1) Trafford: Conservatives gain Trafford from Labour", conservative, StringComparison.Ordinal);
        Assert.Contains("Gained (1 seat) Altrincham, Trafford: Conservative gain from Labour", conservative, StringComparison.Ordinal);
        Assert.Contains("Lost (1) Trafford: Conservatives gain Trafford from Labour", labour, StringComparison.Ordinal);
        Assert.Contains("Lost (1 seat) Altrincham, Trafford: Conservative gain from Labour", labour, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPartyIsA404Page()
    {
        var response = await factory.CreateClient().GetAsync("/parties/PP99999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No candidate of party 'PP99999' stands in this election.", PageHtml.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
