using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Tallyroom.LiveBlog;

/// <summary>
/// Turns an editor's Markdown into the HTML stored with a post: Markdig with raw HTML switched off (a typed
/// <c>&lt;script&gt;</c> stays visible text), then a sanitiser that keeps only the elements Markdown makes, links and
/// images over http(s), and no attributes that could run code or style the page. Headings are moved down below the
/// post's own headline. Result cards (<c>[[council:westminster]]</c> as a paragraph of their own) stay in the HTML as text
/// and are drawn from the live results whenever a page is served. Thread-safe.
/// </summary>
internal static partial class PostMarkup
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Renders and sanitises Markdown; empty for empty input.</summary>
    public static string Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            // The page has its h1, its sections h2 and each post's headline h3.
            heading.Level = Math.Min(6, heading.Level + 3);
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return Sanitizer.Sanitize(writer.ToString()).Trim();
    }

    /// <summary>The result cards in a post's rendered HTML (a card alone in its paragraph), in order.</summary>
    public static IReadOnlyList<CardReference> Cards(string? html) => html is null
        ? []
        : [.. CardParagraph().Matches(html).Select(m => new CardReference(m.Groups["kind"].Value, m.Groups["key"].Success ? m.Groups["key"].Value : null))];

    /// <summary>Splits stored HTML into its runs of HTML and the result cards between them.</summary>
    public static List<PostSegment> Segments(string html)
    {
        var segments = new List<PostSegment>();
        var at = 0;
        foreach (Match card in CardParagraph().Matches(html))
        {
            if (card.Index > at)
            {
                segments.Add(new PostSegment(html[at..card.Index], null));
            }

            segments.Add(new PostSegment(null, new CardReference(card.Groups["kind"].Value, card.Groups["key"].Success ? card.Groups["key"].Value : null)));
            at = card.Index + card.Length;
        }

        if (at < html.Length)
        {
            segments.Add(new PostSegment(html[at..], null));
        }

        return segments;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "strong", "em", "b", "i", "del", "a", "img", "ul", "ol", "li", "blockquote", "h4", "h5", "h6", "code", "pre", "hr" })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedAttributes.Clear();
        foreach (var attribute in new[] { "href", "src", "alt", "title" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        return sanitizer;
    }

    [GeneratedRegex(@"<p>\[\[(?<kind>council|ballot|scoreboard|party-gains)(?::(?<key>[A-Za-z0-9._-]+))?\]\]</p>")]
    private static partial Regex CardParagraph();
}

/// <summary>A result card asked for in a post: its kind and, except for the scoreboard, what it is about.</summary>
internal sealed record CardReference(string Kind, string? Key)
{
    /// <summary>"council:westminster", as written between the brackets.</summary>
    public string Code => Key is null ? Kind : Kind + ":" + Key;
}

/// <summary>A run of a post's HTML, or a card.</summary>
internal sealed record PostSegment(string? Html, CardReference? Card);
