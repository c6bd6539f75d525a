using System.Net;
using System.Text.RegularExpressions;

namespace Tallyroom.Tests.Web.Pages;

/// <summary>
/// Reads a page as a reader sees it: the text without the tags, and a table's rows cell by cell. Regular expressions
/// are enough for HTML the pages themselves write (no comments, no scripts inline, attributes quoted).
/// </summary>
internal static partial class PageHtml
{
    /// <summary>The visible text, entities decoded and white space collapsed.</summary>
    public static string Text(string html) => Punctuation().Replace(Collapse(WebUtility.HtmlDecode(Tags().Replace(html, " "))), "$1");

    /// <summary>The text of the element with this id exactly as written: entities decoded, white space kept.</summary>
    public static string RawById(string html, string id)
    {
        var match = Regex.Match(html, $"<(?<tag>[a-z0-9]+)[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>(?<inner>.*?)</\\k<tag>>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No element with id {id}.");
        return WebUtility.HtmlDecode(match.Groups["inner"].Value);
    }

    /// <summary>The text of the first element with this id.</summary>
    public static string ById(string html, string id)
    {
        var match = Regex.Match(html, $"<(?<tag>[a-z0-9]+)[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>(?<inner>.*?)</\\k<tag>>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No element with id {id}.");
        return Text(match.Groups["inner"].Value);
    }

    /// <summary>Each row of the first table with this class, its cells' texts joined by " | ".</summary>
    public static List<string> Rows(string html, string tableClass)
    {
        var table = Regex.Match(html, $"<table class=\"results {Regex.Escape(tableClass)}\">(?<inner>.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"No table of class {tableClass}.");
        return
        [
            .. Regex.Matches(table.Groups["inner"].Value, "<tr[^>]*>(?<cells>.*?)</tr>", RegexOptions.Singleline)
                .Select(row => Collapse(string.Join(" | ", Regex.Matches(row.Groups["cells"].Value, "<t[hd][^>]*>(?<cell>.*?)</t[hd]>", RegexOptions.Singleline).Select(c => Text(c.Groups["cell"].Value))))),
        ];
    }

    /// <summary>The caption of the first table with this class.</summary>
    public static string Caption(string html, string tableClass) =>
        Text(Regex.Match(html, $"<table class=\"results {Regex.Escape(tableClass)}\">\\s*<caption>(?<caption>.*?)</caption>", RegexOptions.Singleline).Groups["caption"].Value);

    /// <summary>The value of every occurrence of an attribute, e.g. every <c>href</c>.</summary>
    public static List<string> Attributes(string html, string element, string attribute) =>
    [
        .. Regex.Matches(html, $"<{element}\\b[^>]*\\b{attribute}=\"(?<value>[^\"]*)\"", RegexOptions.Singleline).Select(m => WebUtility.HtmlDecode(m.Groups["value"].Value)),
    ];

    private static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();

    // Replacing a tag with a space keeps words apart, but leaves one before punctuation that followed an inline tag.
    [GeneratedRegex(" ([:;,.)”])")]
    private static partial Regex Punctuation();
}
