using Microsoft.AspNetCore.Antiforgery;

namespace Tallyroom.Accounts;

/// <summary>
/// The one rule against cross-site request forgery: every POST, PUT, PATCH or DELETE made with a session cookie (and
/// every form that declares it needs one, like sign-in) must carry this site's antiforgery token, as the form field
/// <c>__RequestVerificationToken</c> (<see cref="Pages.AntiforgeryField"/>) or, for fetch and JSON calls, the
/// <c>RequestVerificationToken</c> header (the token is in the page's <c>meta name="request-verification-token"</c>).
/// Otherwise the request is refused with a 400 problem naming the rule, before any endpoint runs, so nothing is
/// written. Requests with an API key (<c>Authorization: Bearer</c>) are exempt: a browser never adds that header by
/// itself, so a forged cross-site request cannot carry it.
/// </summary>
internal static class RequestForgeryProtection
{
    public const string FormField = "__RequestVerificationToken";

    public const string Header = "RequestVerificationToken";

    public const string Rule = "antiforgery-token";

    public static IApplicationBuilder UseRequestForgeryProtection(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (NeedsToken(http) && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http).ConfigureAwait(false))
            {
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Antiforgery token missing or invalid",
                    detail: $"{Header}: a write made with a signed-in session must carry the antiforgery token of one of this site's pages, as the form field {FormField} or the {Header} header.",
                    extensions: new Dictionary<string, object?> { ["field"] = Header, ["rule"] = Rule }).ExecuteAsync(http).ConfigureAwait(false);
                return;
            }

            await next(http).ConfigureAwait(false);
        });

        // Endpoints that bind forms ([FromForm]) check that this middleware ran; the rule above has already decided.
        return app.UseAntiforgery();
    }

    private static bool NeedsToken(HttpContext http)
    {
        var method = http.Request.Method;
        if (!(HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method)))
        {
            return false;
        }

        return Sessions.IsSession(http.User)
            || http.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true };
    }
}
