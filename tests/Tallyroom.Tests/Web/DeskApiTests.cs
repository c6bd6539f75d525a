using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Tallyroom.Tests.Web;

public sealed class DeskApiTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    private static object Bowdon(int con, int lab, int grn, bool conWins = true, string? reason = null) => new
    {
        results = new[]
        {
            new { candidateId = "1", votes = (int?)con, elected = conWins, decidedByLot = false },
            new { candidateId = "2", votes = (int?)lab, elected = !conWins, decidedByLot = false },
            new { candidateId = "3", votes = (int?)grn, elected = false, decidedByLot = false },
        },
        ballotPapers = 2500,
        rejected = 10,
        electorate = 7000,
        reason,
    };

    private async Task<HttpClient> ClientAsync(string role = "desk")
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.CreateKeyAsync(role));
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task ADeskKeyDeclaresABallotAndTheCouncilUpdates()
    {
        var client = await ClientAsync();

        var response = await client.PostAsJsonAsync($"/api/ballots/{TallyroomFactory.Bowdon}/declaration", Bowdon(1200, 800, 100));
        var json = await JsonAsync(response);
        var council = await JsonAsync(await client.GetAsync("/api/councils/trafford"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(factory.SetupRevision + 1, json.GetProperty("revision").GetInt64());
        Assert.Equal("declared", json.GetProperty("ballot").GetProperty("status").GetString());
        Assert.Equal($"\"{factory.SetupRevision + 1}\"", response.Headers.ETag!.Tag);
        Assert.Equal("Conservative", council.GetProperty("control").GetString());
        Assert.Equal(factory.SetupRevision + 1, await factory.HeadAsync());
    }

    [Fact]
    public async Task WritingWithoutAKeyOrWithAnUnknownKeyIsUnauthorised()
    {
        var anonymous = factory.CreateClient();
        var forged = factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "tr_not-a-real-key");

        var noKey = await anonymous.PostAsJsonAsync($"/api/ballots/{TallyroomFactory.Bowdon}/declaration", Bowdon(1, 0, 0));
        var badKey = await forged.PostAsJsonAsync($"/api/ballots/{TallyroomFactory.Bowdon}/declaration", Bowdon(1, 0, 0));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (noKey.StatusCode, badKey.StatusCode));
        Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType!.MediaType);
        Assert.Equal(factory.SetupRevision, await factory.HeadAsync());
    }

    [Fact]
    public async Task AKeyOfAnotherRoleIsForbidden()
    {
        var client = await ClientAsync("editor");

        var response = await client.PostAsJsonAsync($"/api/ballots/{TallyroomFactory.Bowdon}/declaration", Bowdon(1, 0, 0));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(factory.SetupRevision, await factory.HeadAsync());
    }

    public static TheoryData<string, string, string> BrokenDeclarations => new()
    {
        { """{"results":[{"candidateId":"1","votes":10,"elected":true},{"candidateId":"2","votes":9,"elected":true},{"candidateId":"3","votes":1,"elected":false}]}""", "winners-count", "results" },
        { """{"results":[{"candidateId":"1","votes":5,"elected":true},{"candidateId":"2","votes":9,"elected":false},{"candidateId":"3","votes":1,"elected":false}]}""", "winners-outpoll", "results[0].elected" },
        { """{"results":[{"candidateId":"1","votes":10,"elected":true},{"candidateId":"2","votes":-9,"elected":false},{"candidateId":"3","votes":1,"elected":false}]}""", "votes-non-negative", "results[1].votes" },
        { """{"results":[{"candidateId":"1","votes":10,"elected":true},{"candidateId":"2","votes":9,"elected":false},{"candidateId":"x","votes":1,"elected":false}]}""", "candidate-known", "results[2].candidateId" },
        { """{"results":[{"candidateId":"1","votes":10,"elected":true},{"candidateId":"2","elected":false},{"candidateId":"3","votes":1,"elected":false}]}""", "votes-required", "results[1].votes" },
        { """{"results":[{"candidateId":"1","votes":10,"elected":true,"decidedByLot":true},{"candidateId":"2","votes":9,"elected":false},{"candidateId":"3","votes":1,"elected":false}]}""", "lot-needs-tie", "results[0].decidedByLot" },
        { """{"results":[{"candidateId":"1","votes":10,"elected":true},{"candidateId":"2","votes":9,"elected":false},{"candidateId":"3","votes":1,"elected":false}],"ballotPapers":5}""", "votes-within-papers", "results[0].votes" },
        { """{"results":[{"candidateId":"1","votes":10,"elected":true},{"candidateId":"2","votes":9,"elected":false},{"candidateId":"3","votes":1,"elected":false}],"ballotPapers":50,"electorate":40}""", "papers-within-electorate", "ballotPapers" },
        { """{"results":[{"candidateId":"1","votes":10,"elected":true},{"candidateId":"2","votes":9,"elected":false}]}""", "every-candidate", "results" },
        { """{"results":[]}""", "results-required", "results" },
        { """{"results":[{"candidateId":"1","votes":10,"elected":true},{"candidateId":"2","votes":9,"elected":false},{"candidateId":"3","votes":1,"elected":false}],"recounts":-1}""", "count-non-negative", "recounts" },
    };

    [Theory]
    [MemberData(nameof(BrokenDeclarations))]
    public async Task EveryBallotRuleIsRefusedAsAProblemNamingTheRuleAndFieldAndTheLogIsUnchanged(string body, string rule, string field)
    {
        var client = await ClientAsync();

        var response = await client.PostAsync($"/api/ballots/{TallyroomFactory.Bowdon}/declaration", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var json = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(json.GetProperty("rules").EnumerateArray(), r => r.GetProperty("rule").GetString() == rule && r.GetProperty("field").GetString() == field);
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(factory.SetupRevision, await factory.HeadAsync());
    }

    [Fact]
    public async Task ADeclarationSaysHowManyRecountsWereHeldAndTheWardShowsIt()
    {
        var client = await ClientAsync();
        var body = """{"results":[{"candidateId":"1","votes":1000,"elected":true},{"candidateId":"2","votes":998,"elected":false},{"candidateId":"3","votes":40,"elected":false}],"recounts":2}""";

        var response = await client.PostAsync($"/api/ballots/{TallyroomFactory.Bowdon}/declaration", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var ballot = await JsonAsync(await factory.CreateClient().GetAsync($"/api/ballots/{TallyroomFactory.Bowdon}"));
        var page = await factory.CreateClient().GetStringAsync($"/ballots/{TallyroomFactory.Bowdon}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, ballot.GetProperty("recounts").GetInt32());
        Assert.Contains("Declared after 2 recounts.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorrectionNeedsAReasonAndThenReplacesTheResult()
    {
        var client = await ClientAsync();
        await client.PostAsJsonAsync($"/api/ballots/{TallyroomFactory.Bowdon}/declaration", Bowdon(1200, 800, 100));

        var withoutReason = await client.PostAsJsonAsync($"/api/ballots/{TallyroomFactory.Bowdon}/declaration", Bowdon(800, 1200, 100, conWins: false));
        var withReason = await client.PostAsJsonAsync($"/api/ballots/{TallyroomFactory.Bowdon}/declaration", Bowdon(800, 1200, 100, conWins: false, reason: "Con and Lab figures transposed"));
        var ballot = (await JsonAsync(withReason)).GetProperty("ballot");

        Assert.Equal("correction-reason", (await JsonAsync(withoutReason)).GetProperty("rules")[0].GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);
        Assert.Equal((1, "Con and Lab figures transposed"), (ballot.GetProperty("corrections").GetInt32(), ballot.GetProperty("correctionReason").GetString()));
    }

    [Fact]
    public async Task AStaleIfMatchIsAConflictAndACurrentOneIsAccepted()
    {
        var client = await ClientAsync();
        var first = await client.PostAsJsonAsync($"/api/ballots/{TallyroomFactory.Bowdon}/declaration", Bowdon(1200, 800, 100));
        var ballotRevision = first.Headers.ETag!.Tag;

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/ballots/{TallyroomFactory.Bowdon}/declaration") { Content = JsonContent.Create(Bowdon(800, 1200, 100, conWins: false, reason: "Recount")) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"3\""));
        using var current = new HttpRequestMessage(HttpMethod.Post, $"/api/ballots/{TallyroomFactory.Bowdon}/declaration") { Content = JsonContent.Create(Bowdon(800, 1200, 100, conWins: false, reason: "Recount")) };
        current.Headers.IfMatch.Add(new EntityTagHeaderValue(ballotRevision));

        var conflict = await client.SendAsync(stale);
        var accepted = await client.SendAsync(current);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("if-match-current", (await JsonAsync(conflict)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task ARetryWithTheSameIdempotencyKeyAnswersAsTheFirstAndWritesNothing()
    {
        var client = await ClientAsync();
        async Task<HttpResponseMessage> PostAsync(object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ballots/{TallyroomFactory.Bowdon}/declaration") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "desk-3-bowdon-1");
            return await client.SendAsync(request);
        }

        var first = await PostAsync(Bowdon(1200, 800, 100));
        var retry = await PostAsync(Bowdon(1200, 800, 100));
        var different = await PostAsync(Bowdon(1201, 800, 100));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((await JsonAsync(first)).GetProperty("revision").GetInt64(), (await JsonAsync(retry)).GetProperty("revision").GetInt64());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Equal(factory.SetupRevision + 1, await factory.HeadAsync());
    }

    [Fact]
    public async Task DeclaringAnUnknownBallotIsNotFound()
    {
        var client = await ClientAsync();

        var response = await client.PostAsJsonAsync("/api/ballots/local.trafford.atlantis.2018-05-03/declaration", Bowdon(1, 0, 0));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void EveryEndpointThatWritesRequiresARole()
    {
        using var scope = factory.Services.CreateScope();
        var endpoints = scope.ServiceProvider.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var writes = endpoints.Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is not ("GET" or "HEAD" or "OPTIONS")) == true).ToList();

        // Signing in is the one write anyone may make (it is how a role is had at all): it alone may be anonymous, and
        // it is rate-limited and needs its form's antiforgery token instead.
        var signIn = Assert.Single(writes, e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null);
        Assert.Equal("/account/login", signIn.RoutePattern.RawText);
        Assert.Equal(Tallyroom.Accounts.SignInRateLimit.PolicyName, signIn.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName);
        Assert.True(signIn.Metadata.GetMetadata<Microsoft.AspNetCore.Antiforgery.IAntiforgeryMetadata>()?.RequiresValidation);

        Assert.NotEmpty(writes);
        Assert.All(writes.Where(e => e != signIn), e => Assert.True(
            e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)),
            $"{e.RoutePattern.RawText} writes without requiring a role"));
    }
}
