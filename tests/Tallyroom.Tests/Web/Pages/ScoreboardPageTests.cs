namespace Tallyroom.Tests.Web.Pages;

public sealed class ScoreboardPageTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheScoreboardPrintsTheStateOfPartiesWithChangesAsTheBoardPrintsThem()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);

        var html = await factory.CreateClient().GetStringAsync("/");

        Assert.Contains("<h1>State of parties after 1 of 2 councils</h1>", html, StringComparison.Ordinal);
        Assert.Equal(
            [
                "Party | Councils | Change | Seats | Change",
                "Conservatives | 1 | +1 | 2 | +1",
                "Labour | 0 | -1 | 1 | -1",
                "No overall control | 0 | 0 | |",
            ],
            PageHtml.Rows(html, "scoreboard"));
        Assert.Equal("Councils each party controls and seats it won, in the 1 council fully declared", PageHtml.Caption(html, "scoreboard"));
        Assert.Contains("Changes leave out 0 councils with no eve-of-poll baseline and 1 seat not comparable with last time.", PageHtml.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScoreboardShowsHowFarTheCountHasGotAndTheLatestCouncilsOutcome()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);

        var text = PageHtml.Text(await factory.CreateClient().GetStringAsync("/"));

        Assert.Contains("1 of 2 councils fully declared", text, StringComparison.Ordinal);
        Assert.Contains("3 of 5 ward results in.", text, StringComparison.Ordinal);
        Assert.Contains("Latest declared councils Trafford Gain Conservatives gain Trafford from Labour", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScoreboardAsTextIsTheBoardAsNewsroomsPrintIt()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);

        var html = await factory.CreateClient().GetStringAsync("/");

        Assert.Equal(
            "State of parties after 1 of 2 councils\nConservatives: 1 council (+1); 2 seats (+1)\nLabour: 0 councils (-1); 1 seat (-1)\nNo overall control: 0 councils\n"
            + "Changes leave out 0 councils with no eve-of-poll baseline and 1 seat not comparable with last time.",
            PageHtml.RawById(html, "board-text"));
    }

    [Fact]
    public async Task BeforeAnyCouncilHasDeclaredTheBoardSaysChangesAreToCome()
    {
        var html = await factory.CreateClient().GetStringAsync("/");
        var text = PageHtml.Text(html);

        Assert.Contains("<h1>State of parties after 0 of 2 councils</h1>", html, StringComparison.Ordinal);
        Assert.Contains("No council has finished declaring yet.", text, StringComparison.Ordinal);
        Assert.Contains("Changes appear once a council that has an eve-of-poll baseline has fully declared.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScoreboardShowsTheNationalProjectionAndSaysThePnsStyleShareIsOurs()
    {
        await PagesNight.AddAsync(factory.DatabasePath, factory.Clock, declareTrafford: true);

        var html = await factory.CreateClient().GetStringAsync("/");

        // Trafford as declared (a Conservative gain); Westminster, with no result last time anywhere near, takes the
        // nation's shares last time (Altrincham's) changed by the nation's change: Conservative 3 of 4 in Maida Vale.
        Assert.Equal(
            [
                "Party | Councils | Change | Seats",
                "Conservatives | 2 | +1 | 5",
                "Labour | 0 | -1 | 1",
                "No overall control | 0 | 0 |",
            ],
            PageHtml.Rows(html, "national-projection"));
        Assert.StartsWith("Projection (Tallyroom's model, not a result): 1 of 2 councils declared; the other 1 and its 3 seats still to declare", PageHtml.ById(html, "national-projection-label"), StringComparison.Ordinal);
        Assert.Equal("PNS-style (Tallyroom's estimate)", PageHtml.ById(html, "pns-heading"));
        Assert.StartsWith("It appears once a ward contested by the Conservatives, Labour and the Liberal Democrats", PageHtml.ById(html, "pns-label"), StringComparison.Ordinal);
    }
}
