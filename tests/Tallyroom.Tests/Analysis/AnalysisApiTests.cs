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
        Assert.StartsWith("Top vote shares over 2 declared ward(s)", shares.GetProperty("label").GetString(), StringComparison.Ordinal);
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
        Assert.Equal("Butler swing from Conservative to Labour, from aggregate top vote shares over 2 ward(s)", swing.GetProperty("figures")[0].GetProperty("label").GetString());
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
}
