namespace Tallyroom.Tests.LiveBlog;

/// <summary>
/// Payloads that try to run script or restyle the page from a post's Markdown, headline or quote. Each would set
/// <c>window.xss</c> or log "xss" to the console if it ran. Shared with the browser tests, which check that none does.
/// </summary>
internal static class XssCorpus
{
    public static IReadOnlyList<string> Payloads { get; } =
    [
        "<script>window.xss = 1; console.log('xss')</script>",
        "<img src=x onerror=\"window.xss = 1; console.log('xss')\">",
        "<svg onload=\"window.xss = 1\"><circle r=\"1\"/></svg>",
        "<iframe src=\"javascript:window.xss = 1\"></iframe>",
        "<a href=\"javascript:window.xss = 1\">click</a>",
        "[click](javascript:window.xss=1)",
        "[click](JaVaScRiPt:window.xss=1)",
        "![x](javascript:window.xss=1)",
        "<javascript:window.xss=1>",
        "[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cueHNzPTE8L3NjcmlwdD4=)",
        "\"><script>window.xss = 1</script>",
        "<style>body { display: none }</style>",
        "<div style=\"background:url(javascript:window.xss=1)\">styled</div>",
        "<math><mi xlink:href=\"javascript:window.xss=1\">x</mi></math>",
        "<details open ontoggle=\"window.xss = 1\">x</details>",
        "[click](\"onmouseover=\"window.xss=1)",
    ];
}
