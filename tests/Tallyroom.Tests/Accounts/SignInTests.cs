using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Tallyroom.Storage.Sqlite;
using Tallyroom.Tests.Web;
using Tallyroom.Tests.Web.Pages;

namespace Tallyroom.Tests.Accounts;

public sealed class SignInTests : IDisposable
{
    private const string Failed = "The name or password is wrong, or the account is disabled or locked. After 5 failed attempts in a row an account is locked for 15 minutes.";

    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task SigningInSetsAnHttpOnlySameSiteSessionCookieAndGoesToTheLocalReturnUrl()
    {
        await Staff.AddAsync(factory, "anna", "editor");
        var client = Staff.Client(factory);

        var response = await Staff.SignInAsync(client, "anna", returnUrl: "/councils/trafford?at=3");
        var page = await client.GetStringAsync("/councils/trafford");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/councils/trafford?at=3", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tallyroom.session=", StringComparison.Ordinal));
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Signed in as anna · Sign out", PageHtml.ById(page, "session"));
        Assert.Equal(factory.Clock.GetUtcNow(), (await new SqliteUsers(factory.DatabasePath).FindAsync("anna"))!.LastSignInAt);
    }

    [Theory]
    [InlineData("https://elsewhere.example/")]
    [InlineData("//elsewhere.example/")]
    [InlineData("/\\elsewhere.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task AReturnUrlOffTheSiteIsIgnored(string returnUrl)
    {
        await Staff.AddAsync(factory, "anna", "editor");

        var response = await Staff.SignInAsync(Staff.Client(factory), "anna", returnUrl: returnUrl);

        Assert.Equal((HttpStatusCode.Redirect, "/"), (response.StatusCode, response.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownNameGetTheSameRefusalAndNoCookie()
    {
        await Staff.AddAsync(factory, "anna", "editor");
        var client = Staff.Client(factory);

        var wrongPassword = await Staff.SignInAsync(client, "anna", "not the password at all");
        var unknownName = await Staff.SignInAsync(client, "nobody", Staff.Password);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrongPassword.StatusCode, unknownName.StatusCode));
        var messages = new[] { await wrongPassword.Content.ReadAsStringAsync(), await unknownName.Content.ReadAsStringAsync() }.Select(h => PageHtml.ById(h, "error-summary-title") + ": " + ErrorList(h)).ToList();
        Assert.Equal($"There is a problem: {Failed}", messages[0]);
        Assert.Equal(messages[0], messages[1]);
        Assert.False(wrongPassword.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("tallyroom.session=", StringComparison.Ordinal)));
        Assert.Equal("no-store, no-cache", wrongPassword.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task AnEmptyNameAndPasswordAreRefusedNamingBothFields()
    {
        var client = Staff.Client(factory);

        var response = await Staff.SignInAsync(client, " ", string.Empty);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter your name. Enter your password.", ErrorList(html));
        Assert.Equal(["#name", "#password"], PageHtml.Attributes(html, "a", "href").Where(h => h is "#name" or "#password"));
    }

    [Fact]
    public async Task TheSixthAttemptIsRefusedEvenWithTheRightPasswordUntilFifteenMinutesHavePassed()
    {
        await Staff.AddAsync(factory, "anna", "editor");
        var client = Staff.Client(factory);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Staff.SignInAsync(client, "anna", "guess number " + i)).StatusCode);
        }

        var sixth = await Staff.SignInAsync(client, "anna");
        factory.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        var justBefore = await Staff.SignInAsync(client, "anna");
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await Staff.SignInAsync(client, "anna");

        Assert.Equal(HttpStatusCode.Unauthorized, sixth.StatusCode);
        Assert.Equal(Failed, ErrorList(await sixth.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, justBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task SignInIsRateLimitedPerAddressWhateverTheNames()
    {
        var client = Staff.Client(factory);
        var form = await client.GetStringAsync("/account/login");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 11; i++)
        {
            last = await client.PostAsync("/account/login", Staff.Form(Staff.FormToken(form), ("name", "user" + i), ("password", "some password " + i)));
            statuses.Add(last.StatusCode);
        }

        using var problem = JsonDocument.Parse(await last.Content.ReadAsStringAsync());
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("Too many sign-in attempts", "sign-in-rate"), (problem.RootElement.GetProperty("title").GetString(), problem.RootElement.GetProperty("rule").GetString()));
        Assert.Equal("60", last.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task SignInWithoutTheAntiforgeryTokenIsRefusedBeforeThePasswordIsChecked()
    {
        await Staff.AddAsync(factory, "anna", "editor");
        var client = Staff.Client(factory);

        var response = await client.PostAsync("/account/login", Staff.Form(null, ("name", "anna"), ("password", "wrong password here")));

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("Antiforgery token missing or invalid", "antiforgery-token", "RequestVerificationToken"), (problem.RootElement.GetProperty("title").GetString(), problem.RootElement.GetProperty("rule").GetString(), problem.RootElement.GetProperty("field").GetString()));
        Assert.Equal(0, (await new SqliteUsers(factory.DatabasePath).FindAsync("anna"))!.FailedAttempts);
    }

    [Fact]
    public async Task ADisabledAccountCannotSignInAndItsSessionStopsAtTheNextRequest()
    {
        var client = await Staff.SignedInAsync(factory, "dan", "desk");
        var token = await Staff.PageTokenAsync(client);

        await new SqliteUsers(factory.DatabasePath).SetDisabledAsync("dan", factory.Clock.GetUtcNow());
        var page = await client.GetStringAsync("/");
        var write = await client.SendAsync(DeskWrites.Declaration(token));
        var again = await Staff.SignInAsync(Staff.Client(factory), "dan");

        Assert.DoesNotContain("Signed in as", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(factory.SetupRevision, await factory.HeadAsync());
    }

    [Fact]
    public async Task ReEnablingAnAccountOrGivingItANewPasswordDoesNotReviveSessionsThatEnded()
    {
        var users = new SqliteUsers(factory.DatabasePath);
        var disabledOnce = await Staff.SignedInAsync(factory, "dan", "desk");
        var passwordChanged = Staff.Client(factory);
        await Staff.AddAsync(factory, "eve", "desk");
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(passwordChanged, "eve")).StatusCode);

        await users.SetDisabledAsync("dan", factory.Clock.GetUtcNow());
        await users.SetDisabledAsync("dan", null);
        await users.EndSessionsAsync("eve");
        var fresh = await Staff.SignInAsync(Staff.Client(factory), "dan");

        Assert.DoesNotContain("Signed in as", await disabledOnce.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("Signed in as", await passwordChanged.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        var client = await Staff.SignedInAsync(factory, "anna", "editor");
        var home = await client.GetStringAsync("/");

        var response = await client.PostAsync("/account/logout", Staff.Form(Staff.FormToken(home)));
        var after = await client.GetStringAsync("/");

        Assert.Equal((HttpStatusCode.Redirect, "/"), (response.StatusCode, response.Headers.Location!.OriginalString));
        Assert.DoesNotContain("Signed in as", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedInPersonsPagesArePrivateAndCarryTheirTokenWhileReadersPagesStayPublicAndTokenFree()
    {
        var client = await Staff.SignedInAsync(factory, "anna", "editor");

        var personal = await client.GetAsync("/councils/trafford");
        var anonymous = await factory.CreateClient().GetAsync("/councils/trafford");

        Assert.Equal("no-store, no-cache", personal.Headers.CacheControl!.ToString());
        Assert.Contains("<meta name=\"request-verification-token\" content=\"", await personal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("public, max-age=2", anonymous.Headers.CacheControl!.ToString());
        Assert.DoesNotContain("request-verification-token", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(anonymous.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task TheKeyRingIsKeptBesideTheLogSoASessionSurvivesARestart()
    {
        await Staff.AddAsync(factory, "anna", "editor");
        var signIn = await Staff.SignInAsync(Staff.Client(factory), "anna");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tallyroom.session=", StringComparison.Ordinal)).Split(';')[0];

        // A second host over the same file starts with nothing in memory, as after a restart.
        using var restarted = factory.WithWebHostBuilder(b => b.UseSetting("Tallyroom:CatchUpInterval", "00:00:00.100"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var page = await (await restarted.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Equal("Signed in as anna · Sign out", PageHtml.ById(page, "session"));
        Assert.NotEmpty(Directory.GetFiles(factory.DatabasePath + ".keys", "key-*.xml"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(factory.DatabasePath + ".keys"));
        }
    }

    private static string ErrorList(string html) => PageHtml.ById(html, "error-list");
}
