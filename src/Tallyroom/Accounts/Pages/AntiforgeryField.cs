using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Tallyroom.Accounts.Pages;

// Public, unlike the rest of the host: Razor finds components to use in markup only among public types.

/// <summary>
/// The antiforgery token as a hidden form field. Every form that posts must hold one, because every write made with a
/// session cookie is refused without it (<see cref="RequestForgeryProtection"/>):
/// <code>
/// &lt;form method="post" action="/blog/posts"&gt;
///     &lt;AntiforgeryField /&gt;
///     …
/// &lt;/form&gt;
/// </code>
/// For fetch or JSON calls from a script, read the token from the page's
/// <c>&lt;meta name="request-verification-token"&gt;</c> (<see cref="AntiforgeryMeta"/>, in every page's head while
/// signed in) and send it as the <c>RequestVerificationToken</c> header. Only for pages rendered on the server, whose
/// response has not started.
/// </summary>
public sealed class AntiforgeryField : ComponentBase
{
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [Inject]
    private IAntiforgery Antiforgery { get; set; } = null!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var tokens = Antiforgery.GetAndStoreTokens(HttpContext ?? throw new InvalidOperationException("The antiforgery field is rendered only on the server, with a request."));
        builder.OpenElement(0, "input");
        builder.AddAttribute(1, "type", "hidden");
        builder.AddAttribute(2, "name", tokens.FormFieldName);
        builder.AddAttribute(3, "value", tokens.RequestToken);
        builder.CloseElement();
    }
}

/// <summary>
/// <c>&lt;meta name="request-verification-token" content="…"&gt;</c> for scripts, rendered in every page's head while
/// someone is signed in (and not for anonymous readers, whose pages stay cacheable). A script sends it back as the
/// <c>RequestVerificationToken</c> header:
/// <code>
/// const token = document.querySelector('meta[name="request-verification-token"]').content;
/// fetch(url, { method: "POST", headers: { "RequestVerificationToken": token, "Content-Type": "application/json" }, body });
/// </code>
/// </summary>
public sealed class AntiforgeryMeta : ComponentBase
{
    public const string MetaName = "request-verification-token";

    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [Inject]
    private IAntiforgery Antiforgery { get; set; } = null!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (HttpContext is not { } http || !Sessions.IsSession(http.User))
        {
            return;
        }

        builder.OpenElement(0, "meta");
        builder.AddAttribute(1, "name", MetaName);
        builder.AddAttribute(2, "content", Antiforgery.GetAndStoreTokens(http).RequestToken);
        builder.CloseElement();
    }
}
