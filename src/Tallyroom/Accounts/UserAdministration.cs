using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tallyroom.Accounts.Pages;
using Tallyroom.Core.Declarations;
using Tallyroom.Hosting;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Accounts;

/// <summary>
/// The admin's page of accounts, <c>/admin/users</c>: every account with its role, status and last sign-in, and forms
/// to add an account, change a role, disable or enable, and unlock. Each form posts with its antiforgery token; a
/// change redirects back to the page (post, redirect, get), a refusal shows the page again naming the field and rule.
/// </summary>
internal static class UserAdministration
{
    public const string Path = "/admin/users";

    public static RouteGroupBuilder MapUserAdministration(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup(Path).WithTags("Accounts").ExcludeFromDescription()
            .RequireAuthorization(Roles.Admin).RequireRateLimiting(WebHost.WritesPolicy);
        users.MapGet("", ShowUsers).WithName("ShowUsers").WithSummary("Every account, with forms to change them.");
        users.MapPost("", AddUser).WithName("AddUser").WithSummary("Add an account.");
        users.MapPost("/{name}/role", SetRole).WithName("SetUserRole").WithSummary("Give an account another role.");
        users.MapPost("/{name}/disable", Disable).WithName("DisableUser").WithSummary("Disable an account and end its sessions.");
        users.MapPost("/{name}/enable", Enable).WithName("EnableUser").WithSummary("Enable a disabled account.");
        users.MapPost("/{name}/unlock", Unlock).WithName("UnlockUser").WithSummary("Lift an account's lockout after failed sign-ins.");
        return users;
    }

    private static async Task<RazorComponentResult<UsersPage>> ShowUsers(HttpContext http, SqliteUsers users, TimeProvider clock, string? saved, CancellationToken ct)
    {
        var all = await users.ListAsync(ct).ConfigureAwait(false);
        var savedName = all.FirstOrDefault(u => string.Equals(u.Name, saved, StringComparison.OrdinalIgnoreCase))?.Name;
        return Show(http, all, clock, savedName, [], errorRow: null, null, null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> AddUser(HttpContext http, SqliteUsers users, TimeProvider clock, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
        var name = form["name"].ToString().Trim();
        var role = form["role"].ToString();
        var password = form["password"].ToString();
        List<RuleViolation> errors = [.. new[] { AccountRules.Name(name), AccountRules.Role(role), AccountRules.Password(password) }.OfType<RuleViolation>()];
        if (errors.Count == 0 && !await users.AddAsync(name, role, Passwords.Hash(name, password), clock.GetUtcNow(), ct).ConfigureAwait(false))
        {
            errors.Add(AccountRules.NameTaken(name));
        }

        return errors.Count == 0
            ? Saved(name)
            : Show(http, await users.ListAsync(ct).ConfigureAwait(false), clock, null, errors, errorRow: null, name, role, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SetRole(HttpContext http, SqliteUsers users, TimeProvider clock, string name, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
        var role = form["role"].ToString();
        return await ChangeAsync(http, users, clock, name, AccountRules.Role(role) ?? NotOwn(http, name, "role"), () => users.SetRoleAsync(name, role, ct), ct).ConfigureAwait(false);
    }

    private static Task<IResult> Disable(HttpContext http, SqliteUsers users, TimeProvider clock, string name, CancellationToken ct) =>
        ChangeAsync(http, users, clock, name, NotOwn(http, name, "name"), () => users.SetDisabledAsync(name, clock.GetUtcNow(), ct), ct);

    private static Task<IResult> Enable(HttpContext http, SqliteUsers users, TimeProvider clock, string name, CancellationToken ct) =>
        ChangeAsync(http, users, clock, name, null, () => users.SetDisabledAsync(name, null, ct), ct);

    private static Task<IResult> Unlock(HttpContext http, SqliteUsers users, TimeProvider clock, string name, CancellationToken ct) =>
        ChangeAsync(http, users, clock, name, null, () => users.UnlockAsync(name, ct), ct);

    private static async Task<IResult> ChangeAsync(HttpContext http, SqliteUsers users, TimeProvider clock, string name, RuleViolation? refusal, Func<Task<bool>> change, CancellationToken ct)
    {
        if (refusal is null && await change().ConfigureAwait(false))
        {
            return Saved(name);
        }

        var all = await users.ListAsync(ct).ConfigureAwait(false);
        return refusal is not null
            ? Show(http, all, clock, null, [refusal], errorRow: name, null, null, StatusCodes.Status400BadRequest)
            : Show(http, all, clock, null, [AccountRules.NoSuchAccount(name)], errorRow: null, null, null, StatusCodes.Status404NotFound);
    }

    /// <summary>An admin may not demote or disable themselves, so there is always an admin left to undo a mistake.</summary>
    private static RuleViolation? NotOwn(HttpContext http, string name, string field) =>
        string.Equals(http.User.Identity?.Name, name, StringComparison.OrdinalIgnoreCase)
            ? new RuleViolation("not-own-account", field, "You cannot change the role of your own account or disable it; another admin can, or the tallyroom users command on the server.")
            : null;

    private static RedirectHttpResult Saved(string name) =>
        TypedResults.Redirect(string.Create(CultureInfo.InvariantCulture, $"{Path}?saved={Uri.EscapeDataString(name)}"));

    private static RazorComponentResult<UsersPage> Show(HttpContext http, IReadOnlyList<UserAccount> users, TimeProvider clock, string? saved, List<RuleViolation> errors, string? errorRow, string? newName, string? newRole, int status) =>
        AccountEndpoints.Page<UsersPage>(http, new()
        {
            [nameof(UsersPage.Users)] = users,
            [nameof(UsersPage.Now)] = clock.GetUtcNow(),
            [nameof(UsersPage.Me)] = http.User.Identity?.Name,
            [nameof(UsersPage.Saved)] = saved,
            [nameof(UsersPage.Errors)] = errors,
            [nameof(UsersPage.ErrorRow)] = errorRow,
            [nameof(UsersPage.NewName)] = newName,
            [nameof(UsersPage.NewRole)] = newRole,
        }, status);
}
