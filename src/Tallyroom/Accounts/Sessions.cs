using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Tallyroom.Accounts.Pages;
using Tallyroom.Storage.Sqlite;

namespace Tallyroom.Accounts;

/// <summary>
/// People's sessions: a cookie (scheme <see cref="Scheme"/>) issued at sign-in. The cookie is checked against the
/// users table on every request that carries it, so disabling an account (or giving it a new password) ends its
/// sessions at their next request, for good, and a new role applies at once. For <c>/api/*</c> a missing or insufficient session is a 401 or 403 as problem details,
/// never a redirect; a page redirects to the sign-in form instead.
/// </summary>
internal sealed class Sessions(SqliteUsers users) : CookieAuthenticationEvents
{
    public const string Scheme = "Cookies";

    public const string CookieName = "tallyroom.session";

    /// <summary>
    /// The default scheme: a request with <c>Authorization: Bearer</c> is a machine's (<see cref="ApiKeyAuthentication"/>),
    /// and so is an API request without a session cookie, so that it is told about keys when refused; the rest are
    /// people's sessions. Every role policy authenticates through it, so a role accepts a key or a session alike.
    /// </summary>
    public const string KeyOrSessionScheme = "ApiKeyOrSession";

    /// <summary>The claim holding <see cref="UserAccount.SessionGeneration"/> as it was at sign-in.</summary>
    public const string GenerationClaim = "tallyroom:session-generation";

    public static string SelectScheme(HttpContext http) =>
        http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (IsApi(http.Request) && !http.Request.Cookies.ContainsKey(CookieName))
            ? ApiKeyAuthentication.SchemeName
            : Scheme;

    /// <summary>True when the request was authenticated by a session cookie (as opposed to an API key or nobody).</summary>
    public static bool IsSession(ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == Scheme);

    public static ClaimsPrincipal Principal(UserAccount user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(GenerationClaim, user.SessionGeneration.ToString(CultureInfo.InvariantCulture)),
        ],
        Scheme));

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var user = principal?.Identity?.Name is { } name ? await users.FindAsync(name, context.HttpContext.RequestAborted).ConfigureAwait(false) : null;
        if (principal is null || user is null || user.IsDisabled
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) != user.Id.ToString(CultureInfo.InvariantCulture)
            || principal.FindFirstValue(GenerationClaim) != user.SessionGeneration.ToString(CultureInfo.InvariantCulture))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme).ConfigureAwait(false);
            return;
        }

        if (principal.FindFirstValue(ClaimTypes.Role) != user.Role)
        {
            context.ReplacePrincipal(Principal(user));
            context.ShouldRenew = true;
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) => IsApi(context.Request)
        ? ProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication required", "This request needs a signed-in session (with its antiforgery token) or 'Authorization: Bearer <key>' with a valid API key.")
        : base.RedirectToLogin(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) => IsApi(context.Request)
        ? ProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "Your account's role may not make this request.")
        : AccountEndpoints.Page<AccessDeniedPage>(context.HttpContext, new(), StatusCodes.Status403Forbidden).ExecuteAsync(context.HttpContext);

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task ProblemAsync(HttpContext http, int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(http);
}
