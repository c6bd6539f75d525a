using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tallyroom.Accounts.Pages;
using Tallyroom.Core.Declarations;
using Tallyroom.Hosting;

namespace Tallyroom.Accounts;

/// <summary>
/// Signing in and out: <c>GET /account/login</c> shows the form, <c>POST /account/login</c> checks the name and
/// password and sets the session cookie, <c>POST /account/logout</c> ends the session. Sign-in is the one write anyone
/// may make: it is rate-limited per address and, like every form, needs its antiforgery token.
/// </summary>
internal static class AccountEndpoints
{
    public const string NotStored = "no-cache, no-store";

    public static RouteGroupBuilder MapAccountPages(this IEndpointRouteBuilder routes)
    {
        // Forms for people, not API clients: kept out of the OpenAPI document like the results pages.
        var account = routes.MapGroup("/account").WithTags("Accounts").ExcludeFromDescription();
        account.MapGet("/login", ShowSignIn)
            .WithName("ShowSignIn")
            .WithSummary("The sign-in form.")
            .AllowAnonymous();
        account.MapPost("/login", SignIn)
            .WithName("SignIn")
            .WithSummary("Check a name and password and start a session (cookie).")
            .AllowAnonymous()
            .RequireRateLimiting(SignInRateLimit.PolicyName)
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        // The cast picks the route-handler overload, which writes the returned redirect, over the plain RequestDelegate one.
        account.MapPost("/logout", (Delegate)SignOut)
            .WithName("SignOut")
            .WithSummary("End the session.")
            .RequireAuthorization(Roles.SignedIn)
            .RequireRateLimiting(WebHost.WritesPolicy);
        return account;
    }

    /// <summary>Where to go after signing in: the path asked for when it is on this site, else the scoreboard.</summary>
    public static string LocalPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl)
            ? url
            : "/";

    /// <summary>
    /// A page about an account: personal, so never stored by a browser or a shared cache (the same header antiforgery
    /// sets on any response carrying a token).
    /// </summary>
    public static RazorComponentResult<TPage> Page<TPage>(HttpContext http, Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        http.Response.Headers.CacheControl = NotStored;
        return new RazorComponentResult<TPage>(parameters) { StatusCode = status };
    }

    private static RazorComponentResult<SignInPage> ShowSignIn(HttpContext http, string? returnUrl) =>
        Page<SignInPage>(http, new() { [nameof(SignInPage.ReturnUrl)] = LocalPath(returnUrl) });

    private static async Task<IResult> SignIn(HttpContext http, PasswordSignIn signIn, IOptions<AccountOptions> options, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
        var name = form["name"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = LocalPath(form["returnUrl"]);

        List<RuleViolation> missing = [];
        if (name.Length == 0)
        {
            missing.Add(new RuleViolation("name-required", "name", "Enter your name."));
        }

        if (password.Length == 0)
        {
            missing.Add(new RuleViolation("password-required", "password", "Enter your password."));
        }

        if (missing.Count > 0)
        {
            return Refused(http, name, returnUrl, missing, StatusCodes.Status400BadRequest);
        }

        if (await signIn.AttemptAsync(name, password, ct).ConfigureAwait(false) is not { } user)
        {
            return Refused(http, name, returnUrl, [SignInFailed(options.Value)], StatusCodes.Status401Unauthorized);
        }

        await http.SignInAsync(Sessions.Scheme, Sessions.Principal(user), new AuthenticationProperties { IsPersistent = false }).ConfigureAwait(false);
        return TypedResults.Redirect(returnUrl);
    }

    private static async Task<RedirectHttpResult> SignOut(HttpContext http)
    {
        await http.SignOutAsync(Sessions.Scheme).ConfigureAwait(false);
        return TypedResults.Redirect("/");
    }

    /// <summary>
    /// One message for every failure, so that nobody learns from it whether a name exists, or is locked or disabled.
    /// </summary>
    private static RuleViolation SignInFailed(AccountOptions settings) => new(
        "sign-in",
        "name",
        string.Create(CultureInfo.InvariantCulture, $"The name or password is wrong, or the account is disabled or locked. After {settings.LockoutThreshold} failed attempts in a row an account is locked for {settings.LockoutDuration.TotalMinutes} minutes."));

    private static RazorComponentResult<SignInPage> Refused(HttpContext http, string name, string returnUrl, List<RuleViolation> errors, int status) =>
        Page<SignInPage>(http, new()
        {
            [nameof(SignInPage.ReturnUrl)] = returnUrl,
            [nameof(SignInPage.Name)] = name,
            [nameof(SignInPage.Errors)] = errors,
        }, status);
}
