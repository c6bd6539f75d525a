using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Tallyroom.Tests.Web;

public sealed class ReadApiTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task TheScoreboardCountsCouncilsAndCarriesTheRevisionAsItsETag()
    {
        var response = await factory.CreateClient().GetAsync("/api/scoreboard");
        var json = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"{factory.SetupRevision}\"", response.Headers.ETag!.Tag);
        Assert.Equal("public, max-age=2", response.Headers.CacheControl!.ToString());
        Assert.Equal((0, 2), (json.GetProperty("councilsDeclared").GetInt32(), json.GetProperty("councilsTotal").GetInt32()));
        Assert.Equal("State of parties after 0 of 2 councils", json.GetProperty("headline").GetString());
    }

    [Fact]
    public async Task AConditionalRequestForTheSameRevisionIsAnsweredNotModified()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync("/api/councils/trafford");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/councils/trafford");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ARepeatedReadGetsTheSameBytesAndHeadersAndANewRevisionIsNeverAnsweredStale()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync("/api/councils/trafford");
        var again = await client.GetAsync("/api/councils/trafford");

        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
        foreach (var header in new[] { "ETag", "Cache-Control", "X-Tallyroom-Revision", "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy" })
        {
            Assert.Equal(first.Headers.GetValues(header), again.Headers.GetValues(header));
        }

        Assert.Equal(first.Content.Headers.ContentType, again.Content.Headers.ContentType);

        var desk = factory.CreateClient();
        desk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.CreateKeyAsync("desk"));
        var declared = await desk.PostAsync($"/api/ballots/{TallyroomFactory.Bowdon}/declaration", new StringContent(
            """{"results":[{"candidateId":"1","votes":1200,"elected":true},{"candidateId":"2","votes":800,"elected":false},{"candidateId":"3","votes":10,"elected":false}]}""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);

        var after = await client.GetAsync("/api/councils/trafford");
        Assert.Equal($"\"{factory.SetupRevision + 1}\"", after.Headers.ETag!.Tag);
        Assert.Equal(2, (await JsonAsync(after)).GetProperty("seatsWon").GetProperty("Conservative").GetInt32());
    }

    [Fact]
    public async Task ACouncilShowsItsSeatsControlAndProgress()
    {
        var json = await JsonAsync(await factory.CreateClient().GetAsync("/api/councils/trafford"));

        Assert.Equal(("trafford", "Trafford", "metropolitanBorough"), (json.GetProperty("slug").GetString(), json.GetProperty("name").GetString(), json.GetProperty("type").GetString()));
        Assert.Equal((3, 3, 2, false), (json.GetProperty("totalSeats").GetInt32(), json.GetProperty("seatsUp").GetInt32(), json.GetProperty("majority").GetInt32(), json.GetProperty("declared").GetBoolean()));
        Assert.Equal(1, json.GetProperty("seatsWon").GetProperty("Conservative").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("control").ValueKind);
    }

    [Fact]
    public async Task ACouncilNamesItsRegionAndNullWhenItHasNoneAndSoDoesTheCouncilList()
    {
        using var analysis = Analysis.AnalysisFactory.Create();
        var london = await JsonAsync(await analysis.CreateClient().GetAsync("/api/councils/westminster"));
        var listed = await JsonAsync(await analysis.CreateClient().GetAsync("/api/councils"));
        var none = await JsonAsync(await factory.CreateClient().GetAsync("/api/councils/trafford"));

        Assert.Equal("London", london.GetProperty("region").GetString());
        Assert.Equal("London", listed.EnumerateArray().Single(c => c.GetProperty("slug").GetString() == "westminster").GetProperty("region").GetString());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("region").ValueKind);
    }

    [Fact]
    public async Task ABallotListsItsCandidatesWithVotesAndElectedNullUntilDeclared()
    {
        var client = factory.CreateClient();
        var declared = await JsonAsync(await client.GetAsync($"/api/ballots/{TallyroomFactory.Altrincham}"));
        var awaiting = await JsonAsync(await client.GetAsync($"/api/ballots/{TallyroomFactory.MaidaVale}"));

        var winner = declared.GetProperty("candidates")[0];
        Assert.Equal(("1", "Jo Oak", "Conservative", 1500, true), (winner.GetProperty("id").GetString(), winner.GetProperty("name").GetString(), winner.GetProperty("party").GetString(), winner.GetProperty("votes").GetInt32(), winner.GetProperty("elected").GetBoolean()));
        Assert.Equal(34.3, declared.GetProperty("ballotBoxTurnout").GetDouble());
        Assert.All(awaiting.GetProperty("candidates").EnumerateArray(), c =>
        {
            Assert.Equal(JsonValueKind.Null, c.GetProperty("votes").ValueKind);
            Assert.Equal(JsonValueKind.Null, c.GetProperty("elected").ValueKind);
        });
    }

    [Fact]
    public async Task CouncilsCanBeFilteredByWhetherTheyHaveDeclared()
    {
        var client = factory.CreateClient();
        var awaiting = await JsonAsync(await client.GetAsync("/api/councils?status=awaiting"));
        var declared = await JsonAsync(await client.GetAsync("/api/councils?status=declared"));
        var bad = await client.GetAsync("/api/councils?status=soon");

        Assert.Equal(["Trafford", "Westminster"], awaiting.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(0, declared.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task PartiesListCandidatesAndSeats()
    {
        var json = await JsonAsync(await factory.CreateClient().GetAsync("/api/parties"));
        var con = json.EnumerateArray().Single(p => p.GetProperty("partyId").GetString() == "PP52");

        Assert.Equal((6, 1), (con.GetProperty("candidates").GetInt32(), con.GetProperty("seatsWon").GetInt32()));
    }

    [Fact]
    public async Task AsAtAnEarlierRevisionAViewIsThePastAndCacheableForEver()
    {
        var response = await factory.CreateClient().GetAsync($"/api/ballots/{TallyroomFactory.Altrincham}?at={factory.SetupRevision - 1}");
        var json = await JsonAsync(response);

        Assert.Equal("awaiting", json.GetProperty("status").GetString());
        Assert.Equal(factory.SetupRevision - 1, json.GetProperty("revision").GetInt64());
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task ARevisionOutsideTheLogIsAProblemNamingTheField()
    {
        var response = await factory.CreateClient().GetAsync("/api/scoreboard?at=999");
        var json = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(("at", "revision-in-log"), (json.GetProperty("field").GetString(), json.GetProperty("rule").GetString()));
        Assert.Equal($"at: revision 999 is outside the log, which runs from 0 to {factory.SetupRevision}.", json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnUnknownCouncilIsNotFound()
    {
        var response = await factory.CreateClient().GetAsync("/api/councils/atlantis");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no council 'atlantis' in this election.", (await JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheResultsExportUsesDemocracyClubsColumns()
    {
        var csv = await factory.CreateClient().GetStringAsync("/api/results.csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("election_id,ballot_paper_id,person_id,party_id,party_name,person_name,ballots_cast,is_winner,spoilt_ballots,turnout,source", lines[0].TrimEnd('\r'));
        Assert.Equal($"local.trafford.2018-05-03,{TallyroomFactory.Altrincham},1,PP52,Conservative,Jo Oak,1500,True,20,34.3,Tallyroom", lines[1].TrimEnd('\r'));
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApi()
    {
        var json = await JsonAsync(await factory.CreateClient().GetAsync("/openapi/v1.json"));
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/scoreboard", paths);
        Assert.Contains("/api/ballots/{ballotId}/declaration", paths);
        Assert.Contains("/api/changes", paths);
    }

    [Fact]
    public async Task PagesAndTheApiSendAStrictContentSecurityPolicy()
    {
        var response = await factory.CreateClient().GetAsync("/api/scoreboard");

        Assert.StartsWith("default-src 'self'; script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
