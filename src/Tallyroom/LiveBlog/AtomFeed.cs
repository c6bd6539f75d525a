using System.Text;
using System.Text.Encodings.Web;
using System.Xml;
using Tallyroom.Core.Blogs;
using Tallyroom.Core.Counting;

namespace Tallyroom.LiveBlog;

/// <summary>
/// A blog's posts as an Atom feed (RFC 4287), newest first, for feed readers and syndication partners. Result cards
/// become a line of text linking to the live result, since a feed reader runs no script. Pure; thread-safe.
/// </summary>
internal static class AtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Render(ElectionState state, BlogView blog, Uri site)
    {
        var posts = blog.Visible.ToList();
        var updated = posts.Select(p => p.EditedAt ?? p.PublishedAt).Append(blog.ClosedAt ?? blog.OpenedAt).Max();
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "base", null, site.ToString());
            xml.WriteElementString("id", Atom, Absolute(site, BlogLinks.Blog(blog.Id)));
            xml.WriteElementString("title", Atom, blog.Title);
            xml.WriteElementString("updated", Atom, Time(updated));
            Link(xml, "alternate", "text/html", Absolute(site, BlogLinks.Blog(blog.Id)));
            Link(xml, "self", "application/atom+xml", Absolute(site, BlogLinks.Feed(blog.Id)));
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, state.Election?.Name ?? "Tallyroom");
            xml.WriteEndElement();
            foreach (var post in posts)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, Absolute(site, BlogLinks.Post(blog.Id, post.Id)));
                xml.WriteElementString("title", Atom, post.Content.Headline ?? $"Update at {UkTime.Clock(post.PublishedAt)}");
                xml.WriteElementString("published", Atom, Time(post.PublishedAt));
                xml.WriteElementString("updated", Atom, Time(post.EditedAt ?? post.PublishedAt));
                Link(xml, "alternate", "text/html", Absolute(site, BlogLinks.Post(blog.Id, post.Id)));
                if (post.KeyEvent)
                {
                    xml.WriteStartElement("category", Atom);
                    xml.WriteAttributeString("term", "key-event");
                    xml.WriteEndElement();
                }

                xml.WriteStartElement("content", Atom);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(Content(state, post));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static string Content(ElectionState state, PostView post)
    {
        var html = new StringBuilder();
        foreach (var segment in PostMarkup.Segments(post.Content.Html))
        {
            if (segment.Card is { } card)
            {
                var drawn = ResultCards.Draw(state, card, null);
                var text = HtmlEncoder.Default.Encode($"{drawn.Title}: {drawn.Headline}");
                html.Append(drawn.Href is null ? $"<p>{text}</p>" : $"<p><a href=\"{HtmlEncoder.Default.Encode(drawn.Href)}\">{text}</a></p>");
            }
            else
            {
                html.Append(segment.Html);
            }
        }

        if (post.Content.Quote is { } quote)
        {
            html.Append("<blockquote><p>").Append(HtmlEncoder.Default.Encode(quote.Text)).Append("</p></blockquote><p>— ").Append(HtmlEncoder.Default.Encode(quote.Attribution)).Append("</p>");
        }

        return html.ToString();
    }

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Absolute(Uri site, string path) => new Uri(site, path).ToString();

    private static string Time(DateTimeOffset instant) => XmlConvert.ToString(instant.ToUniversalTime(), "yyyy-MM-dd'T'HH:mm:ss'Z'");
}
