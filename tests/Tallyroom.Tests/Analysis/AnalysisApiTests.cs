using System.Net;
using System.Text.Json;

namespace Tallyroom.Tests.Analysis;

public sealed class AnalysisApiTests : IDisposable
{
    private readonly AnalysisFactory factory = AnalysisFactory.Create();

    public void Dispose() => factory.Dispose();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task TheAnalysisGivesSharesWithChangeByTheNamedMethod()
    {
        var response = await factory.CreateClient().GetAsync("/api/councils/westminster/analysis");
        var json = await JsonAsync(response);
        var shares = json.GetProperty("shares");
        var parties = shares.GetProperty("parties").EnumerateArray().ToDictionary(p => p.GetProperty("party").GetString()!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((factory.Head, "westminster", "topVote"), (json.GetProperty("revision").GetInt64(), json.GetProperty("council").GetString(), json.GetProperty("method").GetString()));
        Assert.Equal(("topVote", 2, 2, 0), (shares.GetProperty("method").GetString(), shares.GetProperty("wards").GetInt32(), shares.GetProperty("wardsCompared").GetInt32(), shares.GetProperty("wardsNotComparable").GetInt32()));
        Assert.Equal((57.5, 52.5, 5.0, "compared"), (parties["Labour"].GetProperty("share").GetDouble(), parties["Labour"].GetProperty("previousShare").GetDouble(), parties["Labour"].GetProperty("change").GetDouble(), parties["Labour"].GetProperty("comparison").GetString()));
        Assert.Equal((40.0, -5.0), (parties["Conservative"].GetProperty("share").GetDouble(), parties["Conservative"].GetProperty("change").GetDouble()));
        Assert.Equal(["Labour", "Conservative", "Green"], parties.Keys);
        Assert.StartsWith("Top vote shares over 2 declared wards", shares.GetProperty("label").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSwingBetweenTheTopTwoIsGivenByEachMeasureAndAggregationLabelled()
    {
        var swing = (await JsonAsync(await factory.CreateClient().GetAsync("/api/councils/westminster/analysis"))).GetProperty("swing");
        var figures = swing.GetProperty("figures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("measure").GetString() + "/" + f.GetProperty("aggregation").GetString(), f => f.GetProperty("points").GetDouble());

        Assert.Equal(("Conservative", "Labour", 2, 0), (swing.GetProperty("from").GetString(), swing.GetProperty("to").GetString(), swing.GetProperty("wards").GetInt32(), swing.GetProperty("wardsLeftOut").GetInt32()));
        Assert.Equal(5.0, figures["butler/aggregateShares"]);
        Assert.Equal(5.0, figures["butler/meanOfWards"]);
        Assert.Equal(5.0, figures["butler/medianOfWards"]);
        Assert.Equal(5.13, figures["steed/aggregateShares"]); // 2,300 / 3,900 − 2,100 / 3,900 of Labour + Conservative
        Assert.Equal(5.13, figures["steed/meanOfWards"]);     // (5.263 + 5) / 2
        Assert.Equal("Butler swing from Conservative to Labour, from aggregate top vote shares over 2 wards", swing.GetProperty("figures")[0].GetProperty("label").GetString());
    }

    [Fact]
    public async Task ControlShowsEachPartyThatCouldWinItTheDefenceAndTheChallengersTargets()
    {
        var json = await JsonAsync(await factory.CreateClient().GetAsync("/api/councils/westminster/analysis"));
        var control = json.GetProperty("control");
        var targets = json.GetProperty("targets");

        Assert.Equal((8, 5, "Conservative", false), (control.GetProperty("totalSeats").GetInt32(), control.GetProperty("majority").GetInt32(), control.GetProperty("controlBefore").GetString(), control.GetProperty("controlCannotChange").GetBoolean()));
        Assert.Equal(["Conservative", "Labour"], control.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("party").GetString()));
        Assert.Equal([0.0, 11.11], control.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("swingNeeded").GetDouble()));
        Assert.Equal(("losesAtSwing", 2.5), (control.GetProperty("defence").GetProperty("status").GetString(), control.GetProperty("defence").GetProperty("swingToLose").GetDouble()));
        Assert.Equal(("Labour", 11.11, 5), (targets.GetProperty("party").GetString(), targets.GetProperty("swingNeeded").GetDouble(), targets.GetProperty("targets").GetArrayLength()));
    }

    [Fact]
    public async Task TurnoutIsBallotPapersOverElectorateOfTheDeclaredWards()
    {
        var turnout = (await JsonAsync(await factory.CreateClient().GetAsync("/api/councils/westminster/analysis"))).GetProperty("turnout");

        Assert.Equal(("ballotBox", 44.6, 4010L, 9000L, 2), (turnout.GetProperty("measure").GetString(), turnout.GetProperty("turnout").GetDouble(), turnout.GetProperty("ballotPapers").GetInt64(), turnout.GetProperty("electorate").GetInt64(), turnout.GetProperty("wards").GetInt32()));
        Assert.StartsWith("Ballot-box turnout", turnout.GetProperty("label").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APartyAndOpponentAndMethodCanBeChosen()
    {
        var json = await JsonAsync(await factory.CreateClient().GetAsync("/api/councils/westminster/analysis?party=Conservative&from=labour&method=average"));
        var targets = json.GetProperty("targets");

        Assert.Equal(("averageVote", "averageVote"), (json.GetProperty("method").GetString(), json.GetProperty("shares").GetProperty("method").GetString()));
        Assert.Equal(("Conservative", "Labour", "hasMajority", 0.0), (targets.GetProperty("party").GetString(), targets.GetProperty("from").GetString(), targets.GetProperty("status").GetString(), targets.GetProperty("swingNeeded").GetDouble()));
        Assert.Equal(["Churchill"], targets.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("ward").GetString()));
    }

    [Fact]
    public async Task AsAtTheRevisionBeforeAnyDeclarationThereAreNoSharesYetButTheTargetsStand()
    {
        var response = await factory.CreateClient().GetAsync($"/api/councils/westminster/analysis?at={factory.BeforeDeclarations}");
        var json = await JsonAsync(response);

        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        Assert.Equal((factory.BeforeDeclarations, 0), (json.GetProperty("revision").GetInt64(), json.GetProperty("shares").GetProperty("wards").GetInt32()));
        Assert.All(json.GetProperty("swing").GetProperty("figures").EnumerateArray(), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("points").ValueKind));
        Assert.Equal(11.11, json.GetProperty("targets").GetProperty("swingNeeded").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("turnout").GetProperty("turnout").ValueKind);
    }

    [Fact]
    public async Task AConditionalRequestForTheSameRevisionIsAnsweredNotModified()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync("/api/councils/westminster/analysis?party=Labour");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/councils/westminster/analysis?party=Labour");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await client.SendAsync(conditional);

        Assert.Equal($"\"{factory.Head}\"", first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("?party=Kitten", "party", "No party 'Kitten' in this election.")]
    [InlineData("?party=UKIP", "party", "UKIP has no candidate in Westminster.")]
    [InlineData("?party=Labour&from=Labour", "from", "The swing to Labour cannot come from Labour.")]
    [InlineData("?from=Labour", "from", "An opponent needs a party: give party as well.")]
    [InlineData("?method=best", "method", "'best' is not one of top, average, total.")]
    [InlineData("?basis=future", "basis", "'future' is not one of previous, declared.")]
    public async Task ABadQueryIsAValidationProblemNamingTheField(string query, string field, string message)
    {
        var response = await factory.CreateClient().GetAsync("/api/councils/westminster/analysis" + query);
        var json = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([message], json.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task AnUnknownCouncilOrARevisionOutsideTheLogIsNotFound()
    {
        var client = factory.CreateClient();
        var council = await client.GetAsync("/api/councils/atlantis/analysis");
        var revision = await client.GetAsync("/api/councils/westminster/analysis?at=999");

        Assert.Equal((HttpStatusCode.NotFound, "There is no council 'atlantis' in this election."), (council.StatusCode, (await JsonAsync(council)).GetProperty("detail").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "revision-in-log"), (revision.StatusCode, (await JsonAsync(revision)).GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task TheEndpointIsInTheOpenApiDocumentUnderAnalysis()
    {
        var json = await JsonAsync(await factory.CreateClient().GetAsync("/openapi/v1.json"));
        var get = json.GetProperty("paths").GetProperty("/api/councils/{slug}/analysis").GetProperty("get");

        Assert.Equal("GetCouncilAnalysis", get.GetProperty("operationId").GetString());
        Assert.Equal(["Analysis"], get.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.StartsWith("A council's vote shares", get.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileCountingTheAnalysisProjectsTheCouncilWithItsBasisAndRange()
    {
        // Two wards declared (Con −5, Lab +5 in both): fewer than 3, so the nation's change, here the same two wards.
        // Abbey Road stays Conservative (3), Hyde Park ties 50/50 and stays with the Conservative placed first last time;
        // Maida Vale (redrawn) and West End (no baseline) take the council's shares last time, Con 50.6 / Lab 44.8,
        // changed: Labour. Con 4, Lab 2 + 2 = 4 of 8 (M = 5): no overall control.
        var projection = (await JsonAsync(await factory.CreateClient().GetAsync("/api/councils/westminster/analysis"))).GetProperty("projection");
        var parties = projection.GetProperty("parties").EnumerateArray()
            .Select(p => (p.GetProperty("party").GetString(), p.GetProperty("settled").GetInt32(), p.GetProperty("low").GetInt32(), p.GetProperty("seats").GetInt32(), p.GetProperty("high").GetInt32()));
        var labour = projection.GetProperty("swings").EnumerateArray().Single(s => s.GetProperty("party").GetString() == "Labour");

        Assert.Equal(("nation", 2, 2, 6, 2), (projection.GetProperty("basis").GetString(), projection.GetProperty("wardsDeclared").GetInt32(), projection.GetProperty("nationalWards").GetInt32(), projection.GetProperty("seatsProjected").GetInt32(), projection.GetProperty("seatsWithoutComparableVotes").GetInt32()));
        Assert.Equal([("Conservative", 0, 4, 4, 4), ("Labour", 2, 4, 4, 4)], parties);
        Assert.Equal(("No overall control", "projected"), (projection.GetProperty("control").GetString(), projection.GetProperty("certainty").GetString()));
        Assert.Equal(("nation", "nation", 2, 5.0, 0.0), (labour.GetProperty("source").GetString(), labour.GetProperty("sourceName").GetString(), labour.GetProperty("wards").GetInt32(), labour.GetProperty("change").GetDouble(), labour.GetProperty("meanError").GetDouble()));
        // Westminster is London's only council here, so London's two wards are as few as Westminster's own.
        Assert.Equal(("nation", "London", 2), (projection.GetProperty("basisName").GetString(), projection.GetProperty("region").GetString(), projection.GetProperty("regionalWards").GetInt32()));
        Assert.StartsWith("Projection (Tallyroom's model, not a result)", projection.GetProperty("label").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeAnyDeclarationTheProjectionIsLastTimesSharesUnchanged()
    {
        var projection = (await JsonAsync(await factory.CreateClient().GetAsync($"/api/councils/westminster/analysis?at={factory.BeforeDeclarations}"))).GetProperty("projection");

        // Last time's shares: Abbey Road (3), Bayswater and Hyde Park Conservative, Churchill Labour; Maida Vale and West End
        // take the council's shares last time, Con 50.6 / Lab 44.8: Conservative. Con 7, Lab 1.
        Assert.Equal(("noSwing", 8), (projection.GetProperty("basis").GetString(), projection.GetProperty("seatsProjected").GetInt32()));
        Assert.Equal(["Conservative", "Labour"], projection.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("party").GetString()));
        Assert.Equal([7, 1], projection.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("seats").GetInt32()));
        Assert.Equal("Conservative", projection.GetProperty("control").GetString());
    }

    [Fact]
    public async Task TheNationalAnalysisGivesSharesSwingTurnoutAndTheProjection()
    {
        var response = await factory.CreateClient().GetAsync("/api/analysis");
        var json = await JsonAsync(response);
        var projection = json.GetProperty("projection");

        Assert.Equal((HttpStatusCode.OK, $"\"{factory.Head}\""), (response.StatusCode, response.Headers.ETag!.Tag));
        Assert.Equal(("local.2018-05-03", "topVote", 2), (json.GetProperty("election").GetString(), json.GetProperty("method").GetString(), json.GetProperty("shares").GetProperty("wards").GetInt32()));
        Assert.Equal(("Conservative", "Labour"), (json.GetProperty("swing").GetProperty("from").GetString(), json.GetProperty("swing").GetProperty("to").GetString()));
        Assert.Equal(44.6, json.GetProperty("turnout").GetProperty("turnout").GetDouble());
        Assert.Equal((1, 0, 1, 1, 6), (projection.GetProperty("councils").GetInt32(), projection.GetProperty("councilsDeclared").GetInt32(), projection.GetProperty("noOverallControl").GetInt32(), projection.GetProperty("noOverallControlChange").GetInt32(), projection.GetProperty("seatsProjected").GetInt32()));
        Assert.Equal(
            [("Conservative", 0, -1, 4, 0), ("Labour", 0, 0, 4, 2)],
            projection.GetProperty("parties").EnumerateArray().Select(p => (p.GetProperty("party").GetString(), p.GetProperty("councils").GetInt32(), p.GetProperty("councilsChange").GetInt32(), p.GetProperty("seats").GetInt32(), p.GetProperty("seatsDeclared").GetInt32())));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("projectedShare").ValueKind); // no declared ward had Con, Lab and LD both times
    }

    [Fact]
    public async Task TheNationalAnalysisHonoursAtAndConditionalRequestsAndRefusesAnUnknownMethod()
    {
        var client = factory.CreateClient();
        var past = await client.GetAsync($"/api/analysis?at={factory.BeforeDeclarations}");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/analysis");
        conditional.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{factory.Head}\""));
        var notModified = await client.SendAsync(conditional);
        var bad = await client.GetAsync("/api/analysis?method=best");

        Assert.Equal(("public, max-age=31536000, immutable", 0), (past.Headers.CacheControl!.ToString(), (await JsonAsync(past)).GetProperty("shares").GetProperty("wards").GetInt32()));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["'best' is not one of top, average, total."], (await JsonAsync(bad)).GetProperty("errors").GetProperty("method").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheNationalEndpointAndTheMethodAndBasisParameters()
    {
        var paths = (await JsonAsync(await factory.CreateClient().GetAsync("/openapi/v1.json"))).GetProperty("paths");
        var national = paths.GetProperty("/api/analysis").GetProperty("get");
        var council = paths.GetProperty("/api/councils/{slug}/analysis").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.TryGetProperty("description", out var d) ? d.GetString() : null);

        Assert.Equal(("GetNationalAnalysis", "Analysis"), (national.GetProperty("operationId").GetString(), national.GetProperty("tags")[0].GetString()));
        Assert.StartsWith("How a multi-member ward's votes become a party's share: top", council["method"], StringComparison.Ordinal);
        Assert.StartsWith("Which result each seat is judged on for the swing needed: previous", council["basis"], StringComparison.Ordinal);
    }
}
