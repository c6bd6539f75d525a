using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Tallyroom.Storage.Sqlite;
using Tallyroom.Tests.Web;

namespace Tallyroom.Tests.Accounts;

/// <summary>Writing with a session cookie: the role decides, and the antiforgery token is required.</summary>
public sealed class SessionWritesTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task ADeskSessionWithTheTokenHeaderDeclaresABallot()
    {
        var client = await Staff.SignedInAsync(factory, "dan", "desk");
        var token = await Staff.PageTokenAsync(client);

        var response = await client.SendAsync(DeskWrites.Declaration(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(factory.SetupRevision + 1, await factory.HeadAsync());
    }

    [Fact]
    public async Task ADeskSessionWithoutTheTokenIsRefusedNamingTheRuleAndTheLogIsUnchanged()
    {
        var client = await Staff.SignedInAsync(factory, "dan", "desk");

        var response = await client.SendAsync(DeskWrites.Declaration(token: null));

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            ("Antiforgery token missing or invalid", "antiforgery-token", "RequestVerificationToken"),
            (problem.RootElement.GetProperty("title").GetString(), problem.RootElement.GetProperty("rule").GetString(), problem.RootElement.GetProperty("field").GetString()));
        Assert.Equal(factory.SetupRevision, await factory.HeadAsync());
    }

    [Fact]
    public async Task ATokenFromAnotherPersonsSessionIsRefused()
    {
        var dan = await Staff.SignedInAsync(factory, "dan", "desk");
        var eve = await Staff.SignedInAsync(factory, "eve", "desk");
        var evesToken = await Staff.PageTokenAsync(eve);

        var response = await dan.SendAsync(DeskWrites.Declaration(evesToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(factory.SetupRevision, await factory.HeadAsync());
    }

    [Fact]
    public async Task ABearerKeyNeedsNoToken()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.CreateKeyAsync("desk"));

        var response = await client.SendAsync(DeskWrites.Declaration(token: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(factory.SetupRevision + 1, await factory.HeadAsync());
    }

    [Fact]
    public async Task ASessionOfAnotherRoleIsForbiddenAsProblemDetailsNeverARedirect()
    {
        var client = await Staff.SignedInAsync(factory, "anna", "editor");
        var token = await Staff.PageTokenAsync(client);

        var response = await client.SendAsync(DeskWrites.Declaration(token));

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(("application/problem+json", "Forbidden"), (response.Content.Headers.ContentType!.MediaType, problem.RootElement.GetProperty("title").GetString()));
        Assert.Equal(factory.SetupRevision, await factory.HeadAsync());
    }

    [Fact]
    public async Task AnAdminSessionMayWriteAsAnyRole()
    {
        var client = await Staff.SignedInAsync(factory, "chief", "admin");

        var response = await client.SendAsync(DeskWrites.Declaration(await Staff.PageTokenAsync(client)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ANewRoleAppliesFromTheSessionsNextRequest()
    {
        var client = await Staff.SignedInAsync(factory, "anna", "editor");
        var token = await Staff.PageTokenAsync(client);
        var before = await client.SendAsync(DeskWrites.Declaration(token));

        await new SqliteUsers(factory.DatabasePath).SetRoleAsync("anna", "desk");
        var after = await client.SendAsync(DeskWrites.Declaration(token));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (before.StatusCode, after.StatusCode));
    }

    [Fact]
    public async Task WithoutASessionAnApiWriteIsUnauthorisedAsProblemDetailsAndAPageRedirectsToSignIn()
    {
        var client = Staff.Client(factory);

        var api = await client.SendAsync(DeskWrites.Declaration(token: null));
        var page = await client.GetAsync("/admin/users");

        Assert.Equal((HttpStatusCode.Unauthorized, "application/problem+json"), (api.StatusCode, api.Content.Headers.ContentType!.MediaType));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2Fadmin%2Fusers", page.Headers.Location!.PathAndQuery);
    }
}
