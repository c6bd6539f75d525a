using Tallyroom.LiveBlog;

namespace Tallyroom.Tests.LiveBlog;

public sealed class PostMarkupTests
{
    [Fact]
    public void MarkdownBecomesHtmlWithHeadingsBelowThePostsHeadline()
    {
        Assert.Equal("<h4>Turnout</h4>\n<p>Up <em>sharply</em> in <a href=\"https://example.org/t\">Trafford</a>.</p>", PostMarkup.Render("# Turnout\n\nUp *sharply* in [Trafford](https://example.org/t)."));
    }

    [Fact]
    public void TypedHtmlStaysVisibleText()
    {
        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", PostMarkup.Render("<script>alert(1)</script>"));
    }

    [Fact]
    public void LinksAndImagesThatWouldRunScriptLoseTheirAddress()
    {
        Assert.Equal("<p><a>click</a></p>", PostMarkup.Render("[click](javascript:alert(1))"));
        Assert.Equal("<p><img alt=\"x\"></p>", PostMarkup.Render("![x](javascript:alert(1))"));
        Assert.Equal("<p><img src=\"https://example.org/count.jpg\" alt=\"The count\"></p>", PostMarkup.Render("![The count](https://example.org/count.jpg)"));
    }

    [Fact]
    public void ResultCardsOnALineOfTheirOwnAreFoundAndKeptAsTextForThePage()
    {
        var markdown = "Trafford:\n\n[[council:trafford]]\n\n[[scoreboard]]\nNot a card: [[council:x]] mid-line.";

        var html = PostMarkup.Render(markdown);

        Assert.Equal(["council:trafford"], PostMarkup.Cards(html).Select(c => c.Code));
        Assert.Equal(["html", "council:trafford", "html"], PostMarkup.Segments(html).Select(s => s.Card?.Code ?? "html"));
    }
}
