using System.Net;
using Tallyroom.Storage.Sqlite;
using Tallyroom.Tests.Web;
using Tallyroom.Tests.Web.Pages;

namespace Tallyroom.Tests.Accounts;

/// <summary>The admin's page of accounts, driven through its forms as a browser would.</summary>
public sealed class UserAdministrationTests : IDisposable
{
    private readonly TallyroomFactory factory = TallyroomFactory.Create();

    public void Dispose() => factory.Dispose();

    private SqliteUsers Users => new(factory.DatabasePath);

    [Fact]
    public async Task AnAdminAddsAnAccountThroughTheFormAndSeesItListed()
    {
        var admin = await Staff.SignedInAsync(factory, "chief", "admin");
        var page = await admin.GetStringAsync("/admin/users");

        var response = await admin.PostAsync("/admin/users", Staff.Form(Staff.FormToken(page), ("name", "bob"), ("role", "desk"), ("password", "a long enough password")));
        var after = await admin.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Equal((HttpStatusCode.Redirect, "/admin/users?saved=bob"), (response.StatusCode, response.Headers.Location!.OriginalString));
        Assert.Equal(
            ["Name | Role | Status | Last signed in | Change", "bob | desk | active | never | Role of bob admin editor desk moderator reader Change role of bob Disable bob", "chief (you) | admin | active | 2018-05-03 21:00 UTC |"],
            PageHtml.Rows(after, "accounts"));
        Assert.Contains("Saved the changes to bob.", PageHtml.Text(after), StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Disable<span class=\"visually-hidden\"> bob</span></button>", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(Staff.Client(factory), "bob", "a long enough password")).StatusCode);
    }

    [Fact]
    public async Task ARefusedAddComesBackNamingEachFieldAndRuleAndWritesNothing()
    {
        var admin = await Staff.SignedInAsync(factory, "chief", "admin");
        var page = await admin.GetStringAsync("/admin/users");

        var response = await admin.PostAsync("/admin/users", Staff.Form(Staff.FormToken(page), ("name", "bob smith"), ("role", "owner"), ("password", "short")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["name-format", "role-known", "password-length"], PageHtml.Attributes(html, "li", "data-rule"));
        Assert.Equal(["#new-name", "#new-role", "#new-password"], PageHtml.Attributes(html, "a", "href").Where(h => h.StartsWith("#new-", StringComparison.Ordinal)));
        Assert.Contains("A password has at least 12 characters.", PageHtml.ById(html, "error-list"), StringComparison.Ordinal);
        Assert.Contains("value=\"bob smith\"", html, StringComparison.Ordinal);
        Assert.Equal(["chief"], (await Users.ListAsync()).Select(u => u.Name));
    }

    [Fact]
    public async Task ANameTakenInAnotherCaseIsRefused()
    {
        var admin = await Staff.SignedInAsync(factory, "chief", "admin");
        var page = await admin.GetStringAsync("/admin/users");

        var response = await admin.PostAsync("/admin/users", Staff.Form(Staff.FormToken(page), ("name", "CHIEF"), ("role", "reader"), ("password", "a long enough password")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["name-unique"], PageHtml.Attributes(await response.Content.ReadAsStringAsync(), "li", "data-rule"));
        Assert.Equal("admin", (await Users.FindAsync("chief"))!.Role);
    }

    [Fact]
    public async Task AnAdminChangesARoleDisablesEnablesAndUnlocksThroughTheForms()
    {
        var admin = await Staff.SignedInAsync(factory, "chief", "admin");
        await Staff.AddAsync(factory, "anna", "editor");
        await Users.RecordFailedSignInAsync((await Users.FindAsync("anna"))!.Id, factory.Clock.GetUtcNow(), 1, TimeSpan.FromMinutes(15));
        var token = Staff.FormToken(await admin.GetStringAsync("/admin/users"));

        var role = await admin.PostAsync("/admin/users/anna/role", Staff.Form(token, ("role", "moderator")));
        var disable = await admin.PostAsync("/admin/users/anna/disable", Staff.Form(token));
        var disabled = await admin.GetStringAsync("/admin/users");
        var enable = await admin.PostAsync("/admin/users/anna/enable", Staff.Form(token));
        var unlock = await admin.PostAsync("/admin/users/anna/unlock", Staff.Form(token));
        var anna = (await Users.FindAsync("anna"))!;

        Assert.All([role, disable, enable, unlock], r => Assert.Equal((HttpStatusCode.Redirect, "/admin/users?saved=anna"), (r.StatusCode, r.Headers.Location!.OriginalString)));
        Assert.StartsWith("anna | moderator | disabled | never |", PageHtml.Rows(disabled, "accounts")[1], StringComparison.Ordinal);
        Assert.Equal(("moderator", false, (DateTimeOffset?)null), (anna.Role, anna.IsDisabled, anna.LockedUntil));
    }

    [Fact]
    public async Task ALockedAccountShowsUntilWhenAndAnUnlockForm()
    {
        var admin = await Staff.SignedInAsync(factory, "chief", "admin");
        await Staff.AddAsync(factory, "anna", "editor");
        await Users.RecordFailedSignInAsync((await Users.FindAsync("anna"))!.Id, factory.Clock.GetUtcNow(), 1, TimeSpan.FromMinutes(15));

        var html = await admin.GetStringAsync("/admin/users");

        Assert.StartsWith("anna | editor | locked until 2018-05-03 21:15 UTC | never |", PageHtml.Rows(html, "accounts")[1], StringComparison.Ordinal);
        Assert.Contains("action=\"/admin/users/anna/unlock\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminCannotDisableOrDemoteThemselves()
    {
        var admin = await Staff.SignedInAsync(factory, "chief", "admin");
        var token = Staff.FormToken(await admin.GetStringAsync("/admin/users"));

        var disable = await admin.PostAsync("/admin/users/chief/disable", Staff.Form(token));
        var demote = await admin.PostAsync("/admin/users/Chief/role", Staff.Form(token, ("role", "reader")));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (disable.StatusCode, demote.StatusCode));
        Assert.Equal(["not-own-account"], PageHtml.Attributes(await disable.Content.ReadAsStringAsync(), "li", "data-rule"));
        var chief = (await Users.FindAsync("chief"))!;
        Assert.Equal(("admin", false), (chief.Role, chief.IsDisabled));
    }

    [Fact]
    public async Task ChangingAnAccountThatDoesNotExistIsNotFound()
    {
        var admin = await Staff.SignedInAsync(factory, "chief", "admin");
        var token = Staff.FormToken(await admin.GetStringAsync("/admin/users"));

        var response = await admin.PostAsync("/admin/users/carol/disable", Staff.Form(token));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no account called 'carol'.", PageHtml.ById(await response.Content.ReadAsStringAsync(), "error-list"));
    }

    [Fact]
    public async Task AFormPostedWithoutItsTokenIsRefusedAndChangesNothing()
    {
        var admin = await Staff.SignedInAsync(factory, "chief", "admin");

        var response = await admin.PostAsync("/admin/users", Staff.Form(null, ("name", "bob"), ("role", "desk"), ("password", "a long enough password")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(await Users.FindAsync("bob"));
    }

    [Fact]
    public async Task NonAdminsAreRefusedThePageAndItsFormsAndAnonymousPeopleAreSentToSignIn()
    {
        var editor = await Staff.SignedInAsync(factory, "anna", "editor");
        var token = await Staff.PageTokenAsync(editor);
        var anonymous = Staff.Client(factory);

        var page = await editor.GetAsync("/admin/users");
        var add = await editor.PostAsync("/admin/users", Staff.Form(token, ("name", "bob"), ("role", "admin"), ("password", "a long enough password")));
        var promote = await editor.PostAsync("/admin/users/anna/role", Staff.Form(token, ("role", "admin")));
        var anonymousAdd = await anonymous.PostAsync("/admin/users", Staff.Form(null, ("name", "bob"), ("role", "admin"), ("password", "a long enough password")));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (page.StatusCode, add.StatusCode, promote.StatusCode));
        Assert.Equal("Not allowed", PageHtml.Text(System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "<h1>(.*?)</h1>").Groups[1].Value));
        Assert.Equal(HttpStatusCode.Redirect, anonymousAdd.StatusCode);
        Assert.StartsWith("/account/login?returnUrl=", anonymousAdd.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal([("anna", "editor")], (await Users.ListAsync()).Select(u => (u.Name, u.Role)));
    }

    [Fact]
    public async Task TheAccountsLinkIsShownToAdminsOnly()
    {
        var admin = await Staff.SignedInAsync(factory, "chief", "admin");
        var editor = await Staff.SignedInAsync(factory, "anna", "editor");

        Assert.Equal("Signed in as chief · Accounts · Sign out", PageHtml.ById(await admin.GetStringAsync("/"), "session"));
        Assert.Equal("Signed in as anna · Sign out", PageHtml.ById(await editor.GetStringAsync("/"), "session"));
    }
}
